-- One outgoing webhook per project. The secret is kept as given: signing needs it, a hash could not sign.
create table project_webhook (
    project_id      uuid          primary key references project (id) on delete cascade,
    url             varchar(2000) not null,
    secret          varchar(200)  not null,
    created_at      timestamptz   not null,
    last_event      varchar(40),
    last_outcome    text,
    last_attempt_at timestamptz
);
