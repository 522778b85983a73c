#!/bin/bash
# A streaming replica of the service "db" (docs/operations/topology-and-replicas.md). On its first start it copies the
# primary with pg_basebackup -R (which writes standby.signal and primary_conninfo) through a replication slot; later
# starts reuse the copy. Runs as the postgres user.
set -euo pipefail
PGDATA=/var/lib/postgresql/data
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  until pg_isready -h db -U "$POSTGRES_USER" -q; do sleep 1; done
  pg_basebackup -h db -U "$POSTGRES_USER" -D "$PGDATA" -R -X stream -C -S zhenggai_replica -c fast
  chmod 700 "$PGDATA"
fi
exec postgres -D "$PGDATA" -c hot_standby=on -c hot_standby_feedback=on -c max_standby_streaming_delay=5s
