-- Optional HTTP basic auth in front of a project's app; the password is stored only as a bcrypt hash.
alter table project
    add column basic_auth_user varchar(100),
    add column basic_auth_hash varchar(100);
