-- What keeps a project's data: its data folder (a volume at /data) and the services DropDeploy runs for it
-- (PostgreSQL, Valkey). Credentials are not here: they are the project's secret environment variables.
create table project_data (
    project_id  uuid        not null references project (id) on delete cascade,
    kind        varchar(20) not null,
    attached_at timestamptz not null,
    used_bytes  bigint      not null default 0,
    measured_at timestamptz,
    primary key (project_id, kind)
);
