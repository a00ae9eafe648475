-- Users sign in with a bcrypt password hash; the first one to sign up is the administrator.
create table app_user (
    id            uuid         primary key,
    username      varchar(100) not null unique,
    password_hash varchar(100) not null,
    admin         boolean      not null,
    created_at    timestamptz  not null
);

-- Only a SHA-256 of each key is kept; the prefix lets its owner recognise it in the list.
create table api_key (
    id         uuid         primary key,
    user_id    uuid         not null references app_user (id) on delete cascade,
    name       varchar(100) not null,
    prefix     varchar(20)  not null,
    hash       varchar(64)  not null unique,
    created_at timestamptz  not null,
    revoked_at timestamptz
);

create index api_key_by_user on api_key (user_id);

-- Projects made before accounts existed keep a null owner; only administrators reach them.
alter table project add column owner_id uuid references app_user (id) on delete set null;

create index project_by_owner on project (owner_id);
