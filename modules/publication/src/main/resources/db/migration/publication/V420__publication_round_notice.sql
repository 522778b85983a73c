-- A round notice (ADR 0026) belongs to a round, not to one inspection: its inspection_id is null and its facts
-- carry the round (facts->'round'->>'roundId').
alter table publication_notice alter column inspection_id drop not null;
create index publication_notice_round on publication_notice ((facts -> 'round' ->> 'roundId'));
