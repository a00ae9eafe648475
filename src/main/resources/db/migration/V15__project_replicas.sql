-- How many copies of a project's app run (the Swarm backend); a project without a row runs one.
create table project_replicas (
    project_id uuid    primary key references project (id) on delete cascade,
    replicas   integer not null check (replicas >= 1)
);
