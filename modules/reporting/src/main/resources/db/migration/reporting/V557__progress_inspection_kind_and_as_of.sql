-- 巡视 or 巡察 (kind), form and inspecting level per inspection (ADR 0017); XUNCHA for rows written before the kind.
alter table progress_inspection add column kind  varchar(16) not null default 'XUNCHA';
alter table progress_inspection add column form  varchar(16);
alter table progress_inspection add column level varchar(16);
-- Carried as history: the date the inspection's case is judged on unless a reader asks for another (ADR 0018).
alter table progress_inspection add column as_of_date date;
