-- The round (轮次) of each inspection, from the inspection context's published events, so that money can be totalled
-- per round. seq: the inspection event that set it (a redelivered older event never moves it back). Replay the
-- finance projection to fill it for inspections scheduled before.
create table finance_inspection_round (
    inspection_id varchar(64) primary key,
    round_id      varchar(64),
    seq           bigint      not null
);
