-- Supplementary findings (补充问题) count in the dashboard like in the ledger: a finding remembers where it came from
-- (null: delivered with the inspection's feedback). Replay the progress projection to pick up those recorded before.
alter table progress_finding add column source varchar(32);
