-- An account signed in through an identity provider (GitHub, Google, any OpenID Connect issuer). The provider's subject
-- is its stable user id; e-mail addresses are never used to match accounts, since a provider may not have verified them.
create table external_identity (
    id         uuid         primary key,
    provider   varchar(100) not null,
    subject    varchar(255) not null,
    user_id    uuid         not null references app_user (id) on delete cascade,
    created_at timestamptz  not null,
    unique (provider, subject)
);

create index external_identity_by_user on external_identity (user_id);

-- Accounts made through a provider have no password until one is set by a reset link.
alter table app_user alter column password_hash drop not null;

-- Sessions signed in before this moment end at their next request (set when a password is reset).
alter table app_user add column sessions_valid_after timestamptz;

-- Single-use password reset links made by an administrator; only a SHA-256 of the token is kept, as for invites.
create table password_reset (
    id         uuid        primary key,
    hash       varchar(64) not null unique,
    user_id    uuid        not null references app_user (id) on delete cascade,
    created_by uuid        references app_user (id) on delete set null,
    created_at timestamptz not null,
    expires_at timestamptz not null,
    used_at    timestamptz
);
