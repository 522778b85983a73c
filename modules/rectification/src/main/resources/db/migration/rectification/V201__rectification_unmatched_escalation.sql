-- Escalations from other contexts (finance violations, public feedback) that named an inspection without an open
-- rectification (no feedback delivered yet, or an unknown inspection), or that the ledger refused. Written by the
-- rectification escalation policy, NOT a read model: never cleared on replay. A row is taken over (and deleted)
-- when the inspection's rectification opens; until then staff can see it.
create table rectification_unmatched_escalation (
    source        varchar(32)   not null,  -- FindingSource: PUBLIC_FEEDBACK, FINANCE_VIOLATION
    source_id     varchar(200)  not null,  -- feedback id or violation id
    inspection_id varchar(100),
    title         varchar(600)  not null,
    reason        varchar(1000) not null,
    command_type  varchar(300),            -- the command to send once the rectification is open (null: none can be)
    command       jsonb,
    received_at   timestamptz   not null,
    primary key (source, source_id)
);
create index rectification_unmatched_escalation_inspection on rectification_unmatched_escalation (inspection_id);
