-- Escalations that wait for a rectification to open are held by the EscalationSaga (Axon's saga store:
-- saga_entry / association_value_entry, created by platform V1) instead of a hand-made table (ADR 0047).
-- Carrying the rows over: the saga's processor is new and starts at the tail of the event store, so on its first
-- start it reads every ViolationEscalatedEvent, FeedbackEscalatedToFindingEvent and RectificationOpenedEvent once
-- and holds again exactly what still waits (its commands are idempotent; what was taken stays taken). The rows
-- without a command (no inspection named) could never be sent; their events stay in the event store.
drop table rectification_unmatched_escalation;
-- the policy's processing group is gone: its token and any dead letters with it
delete from token_entry where processor_name = 'rectification-escalation-policy';
delete from dead_letter_entry where processing_group = 'rectification-escalation-policy';
