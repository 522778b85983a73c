-- 巡视 or 巡察 (kind), the form and the inspecting level of an inspection (ADR 0017). Rows of inspections scheduled
-- before the kind existed are XUNCHA, as their events are read.
alter table inspection add column kind  varchar(16) not null default 'XUNCHA';
alter table inspection add column form  varchar(16);
alter table inspection add column level varchar(16);
