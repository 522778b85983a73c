-- Read model of the inspection context (disposable: rebuilt from the events by the inspection-projection).
create table inspection_round (
    round_id     varchar(64)  primary key,
    name         varchar(200) not null,
    organizer    varchar(200),
    period_start date,
    period_end   date,
    created_at   timestamptz  not null
);

create table inspection (
    inspection_id   varchar(64)  primary key,
    round_id        varchar(64),
    inspecting_body varchar(200) not null,
    inspected_unit  varchar(200) not null,
    mandate         varchar(200),
    legal_basis     jsonb        not null default '[]',
    planned_start   date,
    planned_end     date,
    fieldwork_start date,
    fieldwork_end   date,
    feedback_date   date,
    status          varchar(32)  not null,
    version         bigint       not null,  -- sequence number of the last event applied (the ETag)
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null
);
create index inspection_round_id on inspection (round_id);
create index inspection_created_at on inspection (created_at desc);

create table inspection_category (
    inspection_id varchar(64)  not null,
    category_id   varchar(64)  not null,
    ordinal       int          not null,
    title         varchar(500) not null,
    primary key (inspection_id, category_id)
);

create table inspection_finding (
    inspection_id     varchar(64)  not null,
    finding_id        varchar(64)  not null,
    category_id       varchar(64)  not null,
    ordinal           int          not null,
    title             varchar(500) not null,
    description       text,
    manifestations    jsonb        not null default '[]',
    withdrawn         boolean      not null default false,
    withdrawal_reason text,
    corrections       int          not null default 0,
    primary key (inspection_id, finding_id)
);
