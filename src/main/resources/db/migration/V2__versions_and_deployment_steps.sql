-- A version is one commit in the project's own Git repository (chat turn, paste, upload, import).
create table project_version (
    project_id uuid        not null references project (id) on delete cascade,
    number     integer     not null check (number > 0),
    commit_id  varchar(40) not null,
    message    text        not null,
    created_at timestamptz not null,
    primary key (project_id, number)
);

-- Every step's start is recorded, so the UI timeline and the benchmark read the same numbers.
alter table deployment
    add column image          varchar(300),
    add column container_id   varchar(80),
    add column container_name varchar(120),
    add column port           integer,
    add column stack          varchar(30),
    add column framework      varchar(60),
    add column detection      text,
    add column rollback_of    uuid references deployment (id) on delete set null,
    add column building_at    timestamptz,
    add column starting_at    timestamptz,
    add column healthy_at     timestamptz,
    add column live_at        timestamptz;

create table deployment_log (
    id            bigserial   primary key,
    deployment_id uuid        not null references deployment (id) on delete cascade,
    phase         varchar(20) not null,
    line          text        not null,
    logged_at     timestamptz not null
);

create index deployment_log_by_deployment on deployment_log (deployment_id, id);

-- A version can be deployed more than once (a retry, a rollback), so (project, version) is not unique.
alter table deployment drop constraint deployment_project_id_version_key;
