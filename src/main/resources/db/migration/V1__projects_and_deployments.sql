-- Projects own a web address (slug) for life; deployments are the versions that were or are live at it.
create table project (
    id         uuid         primary key,
    slug       varchar(63)  not null unique,
    name       varchar(200) not null,
    created_at timestamptz  not null
);

create table deployment (
    id          uuid        primary key,
    project_id  uuid        not null references project (id) on delete cascade,
    version     integer     not null check (version > 0),
    state       varchar(20) not null,
    reason      text,
    created_at  timestamptz not null,
    finished_at timestamptz,
    unique (project_id, version)
);

create index deployment_project_state on deployment (project_id, state);
