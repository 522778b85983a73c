-- The scope directory of the organisation context, written in the transaction of the command that stores the events
-- (a subscribing processor), so a grant or a revocation holds from the commit on, on every node.
create table organisation (
    organisation_id text primary key,
    name            text not null,
    kind            varchar(32) not null,
    parent_id       text references organisation (organisation_id)
);
create index organisation_parent on organisation (parent_id);

create table organisation_grant (
    username            varchar(64) not null,
    role                varchar(32) not null,
    organisation_id     text        not null references organisation (organisation_id),
    include_descendants boolean     not null,
    primary key (username, role, organisation_id, include_descendants)
);

-- Which inspected unit and which inspecting group an inspection belongs to (its rectification follows it).
create table organisation_inspection (
    inspection_id text primary key,
    unit_id       text references organisation (organisation_id),
    group_id      text references organisation (organisation_id)
);

-- Other aggregates that inherit an inspection's organisations (its notices).
create table organisation_object (
    aggregate_id  text primary key,
    inspection_id text not null
);
