-- An accountability outcome stated without a number ("对相关责任人员作出处理", ADR 0024/0027) is kept as such, so the
-- dashboard and the round totals sum accountability through the ledger's one rule (ledger.Accountability): only the
-- kinds recorded are listed, and a kind stated only without a number is "uncounted", not 0 persons.
-- Rows written before this column existed were all counted (personsNotCounted came with ADR 0024; an older row
-- with persons = 0 is a stated 0). A replay of progress-projection rewrites every row from its event.
alter table progress_accountability add column persons_not_counted boolean not null default false;
