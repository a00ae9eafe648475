-- A project connected to a Git repository's branch: pushes arrive at /api/v1/hooks/git/{hook_id}, signed with the
-- hook secret. The token and the hook secret are sealed with the secrets key (AES-256-GCM), never stored in clear.
create table git_connection (
    project_id    uuid          primary key references project (id) on delete cascade,
    url           varchar(2000) not null,
    branch        varchar(255)  not null,
    username      varchar(200),
    token_sealed  text,
    hook_id       varchar(64)   not null unique,
    secret_sealed text          not null,
    created_at    timestamptz   not null
);

-- What each push did, newest first on the project page.
create table git_push (
    id          bigserial     primary key,
    project_id  uuid          not null references project (id) on delete cascade,
    provider    varchar(20)   not null,
    branch      varchar(255)  not null,
    commit_id   varchar(64),
    message     text,
    outcome     text          not null,
    received_at timestamptz   not null
);

create index git_push_by_project on git_push (project_id, id desc);

-- A branch preview is a project of its own (its address is <branch>--<slug>). preview_of is deliberately not a foreign
-- key: deleting the connected project must not drop a preview's row while its container still runs; the sweeper
-- removes previews whose project is gone, through the same path as any deletion.
alter table project add column preview_of uuid;

create index project_previews on project (preview_of) where preview_of is not null;

create table git_preview (
    project_id  uuid         primary key references project (id) on delete cascade,
    parent_id   uuid         not null,
    branch      varchar(255) not null,
    expires_at  timestamptz  not null,
    unique (parent_id, branch)
);
