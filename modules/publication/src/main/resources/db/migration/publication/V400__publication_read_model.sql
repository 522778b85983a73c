-- Read model of the publication context (rebuilt from the events by the "publication-projection" processor).

create table publication_notice (
    notice_id              varchar(64)  primary key,
    inspection_id          varchar(64)  not null,
    version_number         integer      not null,
    corrects_notice_id     varchar(64),
    correction_reason      text,
    corrected_by_notice_id varchar(64),
    status                 varchar(20)  not null,
    title                  text,
    publishing_unit        text,
    revision               integer      not null,
    position               bigint       not null,
    position_time          timestamptz,
    content_hash           varchar(64)  not null,
    facts                  jsonb        not null,
    narrative              jsonb        not null,
    settings               jsonb        not null,
    approval               jsonb,
    window_start           date,
    window_end             date,
    historical             boolean      not null default false,
    published_revision     integer,
    published_by           varchar(100),
    published_at           timestamptz,
    closed_at              timestamptz,
    close_reason           varchar(40),
    published_text         text,
    published_text_sha256  varchar(64),
    withdrawal_reason      text,
    last_seq               bigint       not null,   -- sequence number of the last event applied (idempotency)
    created_at             timestamptz  not null,
    updated_at             timestamptz  not null
);
create index publication_notice_inspection on publication_notice (inspection_id);
create index publication_notice_status on publication_notice (status);

-- Every content a notice has had: revision 1 at creation, +1 per recomposition or edit (for the diff).
create table publication_notice_revision (
    notice_id     varchar(64) not null,
    revision      integer     not null,
    position      bigint      not null,
    position_time timestamptz,
    content_hash  varchar(64) not null,
    facts         jsonb       not null,
    narrative     jsonb       not null,
    settings      jsonb       not null,
    recorded_at   timestamptz not null,
    primary key (notice_id, revision)
);

-- Public feedback. name and contact are personal data: only the staff API (PUBLISHER, AUDITOR, ADMIN) reads them.
create table publication_feedback (
    notice_id       varchar(64)  not null,
    feedback_id     varchar(64)  not null,
    submitted_on    date         not null,
    submitted_at    timestamptz  not null,
    text            text         not null,
    name            text,
    contact         text,
    status          varchar(20)  not null,
    note            text,
    answer          text,
    public_reply    boolean      not null default false,
    handled_by      varchar(100),
    handled_at      timestamptz,
    escalated_title text,
    primary key (notice_id, feedback_id)
);
