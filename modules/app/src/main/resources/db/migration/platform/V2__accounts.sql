-- User accounts for HTTP Basic (BCrypt hashes) and their roles.
create table app_user (
    username      varchar(64)  primary key,
    password_hash varchar(100) not null,
    enabled       boolean      not null default true,
    created_at    timestamptz  not null default now()
);

create table app_user_role (
    username varchar(64) not null references app_user (username) on delete cascade,
    role     varchar(32) not null,
    primary key (username, role)
);
