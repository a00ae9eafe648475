-- A disabled user keeps their projects, but can neither sign in nor use an API key.
alter table app_user add column disabled_at timestamptz;

-- One row, written with the first account (the administrator); before it exists only that first account may sign up.
-- The administrator changes it in the UI; dropdeploy.account.signup only gives its first value.
create table signup_policy (
    singleton  boolean     primary key default true check (singleton),
    policy     varchar(10) not null check (policy in ('OPEN', 'INVITE', 'CLOSED')),
    changed_at timestamptz not null
);

-- Single-use invite links. Only a SHA-256 of the token is kept (the token carries 256 random bits, like an API key).
create table invite (
    id         uuid        primary key,
    hash       varchar(64) not null unique,
    created_by uuid        references app_user (id) on delete set null,
    created_at timestamptz not null,
    expires_at timestamptz not null,
    used_at    timestamptz,
    used_by    uuid        references app_user (id) on delete set null,
    revoked_at timestamptz
);
