-- A deployment's stored log keeps its first and last lines (see output.OutputLimits); one row per cut log says
-- after which line the middle was left out and how many lines that was, so readers see "… N lines omitted …".
create table deployment_log_gap (
    deployment_id uuid   primary key references deployment (id) on delete cascade,
    after_id      bigint not null,
    omitted       bigint not null check (omitted > 0)
);
