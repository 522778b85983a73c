-- Which steps of which seed case were loaded, so that loading a case twice changes nothing
-- and an interrupted load resumes where it stopped.
create table seed_journal (
    case_id   varchar(100) not null,
    step_key  varchar(300) not null,
    status    int          not null,
    done_at   timestamptz  not null default now(),
    primary key (case_id, step_key)
);
