#!/bin/bash
# Runs once, when the primary's data directory is first made (docker-entrypoint-initdb.d): lets the replica connect
# for replication with the same password as everyone else.
set -euo pipefail
echo "host replication all all scram-sha-256" >> "$PGDATA/pg_hba.conf"
