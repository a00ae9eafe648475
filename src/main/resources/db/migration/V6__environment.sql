-- Per-project environment variables, given to the app container at run time. Values are AES-256-GCM ciphertext
-- (base64 of IV and ciphertext); the key never touches the database.
create table environment_variable (
    id              uuid         primary key,
    project_id      uuid         not null references project (id) on delete cascade,
    name            varchar(128) not null,
    encrypted_value text         not null,
    secret          boolean      not null,
    updated_at      timestamptz  not null,
    unique (project_id, name)
);
