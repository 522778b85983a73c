-- Progress read model across the contexts (disposable: rebuilt from the events by the progress-projection;
-- its @ResetHandler empties every progress_ table). Warning levels, totals and rates are NOT stored: they are
-- computed at query time for "today" in the configured zone.

-- The last sequence number applied per aggregate (inspection, rectification, rule book): the idempotency guard.
create table progress_stream (
    aggregate_id varchar(255) primary key,
    seq          bigint       not null
);

-- One row per inspection, filled from the inspection's events and from its rectification's.
create table progress_inspection (
    inspection_id      varchar(64)  primary key,
    round_id           varchar(64),
    inspecting_body    varchar(200),
    inspected_unit     varchar(200),
    status             varchar(32)  not null,
    fieldwork_start    date,
    fieldwork_end      date,
    feedback_date      date,
    rectification_id   varchar(80),
    office_name        varchar(200),
    plan_adopted       boolean      not null default false,
    plan_title         varchar(500),
    plan_document      varchar(100),
    plan_adopted_date  date,
    created_at         timestamptz  not null,
    updated_at         timestamptz  not null
);
create index progress_inspection_created on progress_inspection (created_at desc, inspection_id);

create table progress_category (
    inspection_id varchar(64)  not null,
    category_id   varchar(64)  not null,
    ordinal       int          not null,
    title         varchar(500) not null,
    primary key (inspection_id, category_id)
);

create table progress_finding (
    inspection_id varchar(64)  not null,
    finding_id    varchar(64)  not null,
    category_id   varchar(64)  not null,
    ordinal       int          not null,
    title         varchar(500) not null,
    withdrawn     boolean      not null default false,
    primary key (inspection_id, finding_id)
);
create index progress_finding_id on progress_finding (finding_id);

-- Rectification items as they stand now. since_date: the business date from which the item counts in the plan
-- (the plan's adoption date, or for an item added later the date it was recorded, lowered to the earliest
-- business date recorded on it).
create table progress_item (
    rectification_id   varchar(80)  not null,
    item_id            varchar(64)  not null,
    inspection_id      varchar(64)  not null,
    ordinal            int          not null,
    title              varchar(500) not null,
    kind               varchar(32)  not null,
    finding_ids        jsonb        not null default '[]',
    status             varchar(40)  not null,
    close_off          varchar(20)  not null default 'NONE',
    closed_off_date    date,
    original_due_date  date,
    current_due_date   date,
    extensions         int          not null default 0,
    overdue_since      date,
    leader_id          varchar(64),
    leader_name        varchar(100),
    department         varchar(200),
    handler            varchar(100),
    added_in_plan      boolean      not null,
    recorded_date      date         not null,
    since_date         date,
    last_progress_date date,
    removed            boolean      not null default false,
    primary key (rectification_id, item_id)
);
create index progress_item_inspection on progress_item (inspection_id);

-- Every change of an item's "done" state, on its business date: the daily time series is folded from these.
create table progress_item_transition (
    rectification_id varchar(80) not null,
    seq              bigint      not null,
    item_id          varchar(64) not null,
    business_date    date        not null,
    done             boolean     not null,
    primary key (rectification_id, seq)
);
create index progress_item_transition_item on progress_item_transition (rectification_id, item_id);

create table progress_meeting (
    rectification_id varchar(80)  not null,
    meeting_id       varchar(64)  not null,
    kind             varchar(40)  not null,
    meeting_date     date         not null,
    title            varchar(500) not null,
    claims           int          not null default 0,
    primary key (rectification_id, meeting_id)
);

create table progress_accountability (
    rectification_id varchar(80) not null,
    outcome_id       varchar(64) not null,
    kind             varchar(40) not null,
    outcome_date     date        not null,
    persons          int         not null,
    primary key (rectification_id, outcome_id)
);

-- Finance: regulations and what they answer, and money outcomes.
create table progress_regulation (
    regulation_id  varchar(255) primary key,
    rule_book_id   varchar(255) not null,
    unit           varchar(200),
    title          varchar(300) not null,
    area           varchar(40)  not null,
    latest_version int          not null,
    repealed_from  date
);

create table progress_regulation_version (
    version_id     varchar(255) primary key,
    regulation_id  varchar(255) not null,
    version_number int         not null,
    effective_from date        not null
);

create table progress_regulation_link (
    rule_book_id           varchar(255) not null,
    seq                    bigint       not null,
    idx                    int          not null,
    regulation_id          varchar(255) not null,
    version_id             varchar(255),
    version_number         int          not null,
    inspection_id          varchar(64),
    finding_id             varchar(64),
    rectification_item_id  varchar(64),
    primary key (rule_book_id, seq, idx)
);
create index progress_regulation_link_inspection on progress_regulation_link (inspection_id);

create table progress_money_outcome (
    outcome_id    varchar(255)   primary key,
    rule_book_id  varchar(255)   not null,
    unit          varchar(200),
    inspection_id varchar(64),
    kind          varchar(40)    not null,
    amount        numeric(17, 2) not null,
    outcome_date  date           not null
);
create index progress_money_outcome_inspection on progress_money_outcome (inspection_id);
