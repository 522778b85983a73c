-- Rate-limit buckets shared by every node (Bucket4j's PostgreSQL backend, ADR 0049): one row per limit and key
-- ('<limit>:<key>', e.g. 'public-feedback:203.0.113.7'), its Bucket4j state, and when it is full again (epoch ms).
create table rate_limit_bucket (
    id         varchar(400) primary key,
    state      bytea,
    expires_at bigint
);

create index rate_limit_bucket_expires_at on rate_limit_bucket (expires_at);
