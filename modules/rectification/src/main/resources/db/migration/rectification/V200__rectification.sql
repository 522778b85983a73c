-- Rectification context (整改).

-- Read model (disposable: rebuilt from the events by the rectification-projection). One JSON document per
-- rectification holds its whole ledger; warning levels and totals are computed from it at query time.
create table rectification_ledger (
    rectification_id varchar(100) primary key,
    inspection_id    varchar(100) not null unique,
    inspected_unit   varchar(200),
    feedback_date    date,
    version          bigint       not null,  -- sequence number of the last event applied (the ETag)
    document         jsonb        not null,
    opened_at        timestamptz  not null,
    updated_at       timestamptz  not null
);
create index rectification_ledger_opened_at on rectification_ledger (opened_at desc);

-- Evidence files, stored by content (NOT a read model: never cleared on replay). Events carry only the SHA-256.
create table rectification_evidence_file (
    sha256       char(64)     primary key,
    content      bytea        not null,
    size         bigint       not null,
    content_type varchar(200) not null,
    stored_at    timestamptz  not null default now()
);

-- Which rectification a file was uploaded for (by whom, under which name): a file is served back only in the
-- rectification it was uploaded for.
create table rectification_evidence_upload (
    rectification_id varchar(100) not null,
    sha256           char(64)     not null references rectification_evidence_file (sha256),
    file_name        varchar(300) not null,
    uploaded_by      varchar(64)  not null,
    uploaded_at      timestamptz  not null default now(),
    primary key (rectification_id, sha256)
);
