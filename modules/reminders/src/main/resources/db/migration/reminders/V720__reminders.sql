-- Reminders (ADR 0043). Read models of the reminders context; the digests themselves are events.

-- the inbox: one row per digest and account it landed in
create table reminders_inbox (
    username        varchar(100) not null,
    digest_id       varchar(200) not null,
    business_date   date         not null,
    recipient_kind  varchar(20)  not null,
    recipient_name  varchar(300) not null,
    unit            varchar(300) not null,
    entries         text         not null,   -- JSON array of DigestEntry
    issued_at       timestamptz  not null,
    read_at         timestamptz,
    primary key (username, digest_id)
);
create index reminders_inbox_recent on reminders_inbox (username, issued_at desc);

-- the recipient directory: which accounts and e-mail addresses receive a leader's or department's digest
create table reminders_recipient (
    recipient_id  varchar(200) primary key,
    unit          varchar(300) not null,
    kind          varchar(20)  not null,
    name          varchar(300) not null,
    accounts      text         not null,    -- JSON array of user names
    emails        text         not null,    -- JSON array of addresses
    version       bigint       not null,    -- sequence number of the entry's last event (ETag)
    unique (unit, kind, name)
);

-- runs of the daily digest job (operations; not history: the digests are events)
create table reminders_digest_run (
    run_id         varchar(64)  primary key,
    business_date  date         not null,
    trigger        varchar(20)  not null,
    node           varchar(200) not null,
    started_at     timestamptz  not null,
    finished_at    timestamptz,
    issued         integer      not null default 0,
    already_issued integer      not null default 0,
    entries        integer      not null default 0,
    error          text
);
create index reminders_digest_run_recent on reminders_digest_run (started_at desc);
