-- Issue 23: API tokens, so that integrations (an ATS, a script, Prometheus) do not send a person's password.
-- Only the SHA-256 of a token is kept: tokens are 256 random bits, so a fast hash is as good as a slow one and
-- keeps every API call free of bcrypt. token_hint is the token's first characters, for telling tokens apart.
create sequence api_token_seq start with 1 increment by 50;
create table api_token (
    id            bigint       not null primary key,
    user_id       bigint       not null references app_user (id),
    name          varchar(100) not null,
    scope         varchar(10)  not null,
    token_hash    varchar(64)  not null,
    token_hint    varchar(16)  not null,
    created_at    timestamp(6) with time zone not null,
    created_by    varchar(64)  not null,
    expires_at    timestamp(6) with time zone not null,
    last_used_at  timestamp(6) with time zone,
    revoked_at    timestamp(6) with time zone,
    constraint ck_api_token_scope check (scope in ('READ', 'WRITE', 'METRICS'))
);
-- Every bearer request finds its token by the hash.
create unique index ux_api_token_hash on api_token (token_hash);
-- The account page lists a user's tokens.
create index ix_api_token_user on api_token (user_id);
