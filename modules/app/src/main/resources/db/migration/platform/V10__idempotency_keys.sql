-- Idempotency-Key of creating POSTs (docs/operations/security-and-limits.md): per user and key, the fingerprint of
-- the first request and, once it has been answered, its response to replay. Rows expire; expired ones are deleted.
create table idempotency_key (
    username        varchar(200)  not null,
    idempotency_key varchar(255)  not null,
    fingerprint     char(64)      not null,
    state           varchar(10)   not null check (state in ('IN_FLIGHT', 'DONE')),
    locked_until    timestamptz   not null,
    status          int,
    headers         text,
    body            bytea,
    created_at      timestamptz   not null default now(),
    expires_at      timestamptz   not null,
    primary key (username, idempotency_key)
);
create index idempotency_key_expiry on idempotency_key (expires_at);
