-- Read model of the finance-rules context (disposable: rebuilt from the events by the finance-projection),
-- except finance_directory, which the finance-directory handler writes in the same transaction as the events.

-- Where each regulation, expense, violation and money outcome lives: the rule book (aggregate) of its unit.
-- Written synchronously (subscribing processor), so a command can be routed right after the one that created
-- the entity; the primary key also keeps ids unique across units.
create table finance_directory (
    kind         varchar(32)  not null,   -- regulation | expense | violation | money-outcome
    entity_id    varchar(128) not null,
    rule_book_id varchar(255) not null,
    unit         varchar(200) not null,
    primary key (kind, entity_id)
);

create table finance_rule_book (
    rule_book_id varchar(255) primary key,
    unit         varchar(200) not null unique,
    version      bigint       not null,   -- sequence number of the last event applied (the ETag)
    updated_at   timestamptz  not null
);

create table finance_regulation (
    regulation_id          varchar(64)  primary key,
    rule_book_id           varchar(255) not null,
    unit                   varchar(200) not null,
    title                  varchar(300) not null,
    area                   varchar(32)  not null,
    current_version_number int          not null,
    first_effective_from   date         not null,
    current_effective_from date         not null,
    repealed_from          date,
    repeal_reason          text,
    created_at             timestamptz  not null,
    updated_at             timestamptz  not null
);
create index finance_regulation_unit on finance_regulation (unit, area);

create table finance_regulation_version (
    regulation_id     varchar(64)  not null,
    version_number    int          not null,
    version_id        varchar(80)  not null unique,
    kind              varchar(16)  not null,   -- ENACTED | REVISED
    document_number   varchar(200),
    effective_from    date         not null,
    effective_until   date,                    -- null: open-ended (until a revision or repeal)
    summary           text,
    backdating_reason text,
    rules             jsonb        not null default '[]',
    recorded_at       timestamptz  not null,
    primary key (regulation_id, version_number)
);
create index finance_regulation_version_dates on finance_regulation_version (effective_from, effective_until);

create table finance_regulation_link (
    rule_book_id            varchar(255) not null,
    seq                     bigint       not null,   -- sequence number of the event that made the link
    idx                     int          not null,   -- position of the link within that event
    regulation_id           varchar(64)  not null,
    version_id              varchar(80),
    version_number_at_link  int          not null,
    inspection_id           varchar(64),
    finding_id              varchar(64),
    rectification_item_id   varchar(64),
    primary key (rule_book_id, seq, idx)
);
create index finance_regulation_link_inspection on finance_regulation_link (inspection_id);
create index finance_regulation_link_finding on finance_regulation_link (finding_id);

-- Findings known from the inspection context's published events: attributes a link that names only a finding.
create table finance_finding_ref (
    inspection_id varchar(64) not null,
    finding_id    varchar(64) not null,
    primary key (inspection_id, finding_id)
);

create table finance_expense (
    expense_id      varchar(64)   primary key,
    rule_book_id    varchar(255)  not null,
    unit            varchar(200)  not null,
    expense_date    date          not null,
    amount          numeric(15,2) not null,
    category        varchar(32)   not null,
    area            varchar(32)   not null,
    payee           varchar(200),
    description     text,
    guests          int,
    staff           int,
    documents       jsonb         not null default '[]',
    approvals       jsonb         not null default '[]',
    items           jsonb         not null default '[]',
    procedure       varchar(100),
    check_id        varchar(80),
    verdict         varchar(16),
    breach_count    int           not null default 0,
    applied_versions jsonb        not null default '[]',
    breaches        jsonb         not null default '[]',
    recorded_at     timestamptz   not null
);
create index finance_expense_unit_date on finance_expense (unit, expense_date);

create table finance_expense_recheck (
    recheck_id           varchar(80)  primary key,
    expense_id           varchar(64)  not null,
    rules_as_of          date         not null,
    verdict              varchar(16)  not null,
    differs_from_binding boolean      not null,
    applied_versions     jsonb        not null default '[]',
    breaches             jsonb        not null default '[]',
    recorded_at          timestamptz  not null
);
create index finance_expense_recheck_expense on finance_expense_recheck (expense_id);

create table finance_violation (
    violation_id          varchar(80)   primary key,
    rule_book_id          varchar(255)  not null,
    unit                  varchar(200)  not null,
    expense_id            varchar(64)   not null,
    expense_date          date          not null,
    expense_amount        numeric(15,2) not null,
    category              varchar(32)   not null,
    payee                 varchar(200),
    regulation_id         varchar(64)   not null,
    regulation_title      varchar(300)  not null,
    version_id            varchar(80)   not null,
    version_number        int           not null,
    area                  varchar(32)   not null,
    rule_index            int           not null,
    rule_type             varchar(32)   not null,
    rule_label            varchar(200),
    description           text          not null,
    excess_amount         numeric(15,2),
    excess_persons        int,
    amount_at_stake       numeric(15,2),
    status                varchar(16)   not null,
    inspection_id         varchar(64),
    finding_id            varchar(64),
    escalated_on          date,
    escalation_description text,
    resolution            varchar(32),
    resolved_on           date,
    resolution_note       text,
    amount_returned       numeric(15,2),
    detected_at           timestamptz   not null
);
create index finance_violation_unit_date on finance_violation (unit, expense_date);
create index finance_violation_status on finance_violation (status);

create table finance_money_outcome (
    outcome_id    varchar(80)   primary key,
    rule_book_id  varchar(255)  not null,
    unit          varchar(200)  not null,
    kind          varchar(32)   not null,
    amount        numeric(15,2) not null,
    outcome_date  date          not null,
    inspection_id varchar(64),
    violation_id  varchar(80),
    area          varchar(32),
    description   text,
    recorded_at   timestamptz   not null
);
create index finance_money_outcome_unit on finance_money_outcome (unit, outcome_date);
create index finance_money_outcome_inspection on finance_money_outcome (inspection_id);
