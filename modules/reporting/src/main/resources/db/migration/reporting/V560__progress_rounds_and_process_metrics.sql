-- Rounds (轮次) as the progress read model knows them, for the round totals and the dashboard's round view, and the
-- process metrics (过程性指标) of each rectification. Replay the progress projection to fill them for events
-- recorded before.
create table progress_round (
    round_id     varchar(64)  primary key,
    name         varchar(300),
    organizer    varchar(300),
    period_start date,
    period_end   date
);

create table progress_process_metric (
    rectification_id varchar(80) not null,
    metric_id        varchar(64) not null,
    kind             varchar(40) not null,
    meeting_kind     varchar(40),
    count            int         not null,
    metric_date      date        not null,
    primary key (rectification_id, metric_id)
);
create index progress_inspection_round on progress_inspection (round_id);
