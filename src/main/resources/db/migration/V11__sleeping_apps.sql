-- Apps that sleep: the live deployment's container is stopped (kept, with its data) and the project's hosts go to
-- DropDeploy's waker until a request comes. Owned by the deploy module; one row per sleeping project.
create table sleeping_app (
    project_id    uuid        primary key references project (id) on delete cascade,
    deployment_id uuid        not null references deployment (id) on delete cascade,
    since         timestamptz not null
);

-- How long a project's app may go without a request before it sleeps (the sleep module); no row: the installation's
-- default (dropdeploy.sleep.default-idle); 0: never.
create table project_sleep (
    project_id   uuid    primary key references project (id) on delete cascade,
    idle_seconds integer not null check (idle_seconds >= 0)
);
