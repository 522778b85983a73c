-- Tamper evidence for the event store (see docs/operations/audit-verification.md).
--
-- audit_chain holds one link per position of domain_event_entry, in global order and without holes:
--   EVENT link: hash = SHA-256(prev_hash || canonical bytes of the event stored at that position)
--   GAP link:   the position was drawn from the sequence but no event was ever committed there
--               (a rolled-back insert); hash = SHA-256(prev_hash || 'G' || position)
-- The first link (position 1) has prev_hash = 64 zeros. Written only by the single chain writer
-- (AuditChainWriter), which appends position p only after p-1.
create table audit_chain (
    position         bigint       primary key,
    kind             varchar(5)   not null,
    event_identifier varchar(255),
    hash             char(64)     not null,
    prev_hash        char(64)     not null,
    chained_at       timestamptz  not null default now(),
    constraint audit_chain_kind check (kind in ('EVENT', 'GAP')),
    constraint audit_chain_event_identifier check ((kind = 'EVENT') = (event_identifier is not null)),
    constraint audit_chain_position_positive check (position > 0)
);

-- Every checkpoint handed out (position, hash, time, Ed25519 signature): verification checks them again later.
create table audit_checkpoint (
    id         bigserial    primary key,
    position   bigint       not null,
    hash       char(64)     not null,
    issued_at  timestamptz  not null,
    issued_by  varchar(64),
    key_id     varchar(64)  not null,
    signature  text         not null
);
create index audit_checkpoint_position on audit_checkpoint (position);

-- Both are append-only, like the event table itself.
create function audit_refuse_mutation() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: % refused', tg_table_name, tg_op using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_chain_append_only before update or delete on audit_chain
    for each row execute function audit_refuse_mutation();
create trigger audit_chain_no_truncate before truncate on audit_chain
    for each statement execute function audit_refuse_mutation();
create trigger audit_checkpoint_append_only before update or delete on audit_checkpoint
    for each row execute function audit_refuse_mutation();
create trigger audit_checkpoint_no_truncate before truncate on audit_checkpoint
    for each statement execute function audit_refuse_mutation();
