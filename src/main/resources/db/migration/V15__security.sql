-- Issue 19: sessions that can be ended, and failure counts shared by every replica.
-- (V15, not V14: another change in flight may take V14.)

-- Every sign-in session carries the generation it was issued under (a signed cookie beside the login
-- cookie); sign-out, a password or role change and deactivation bump it, which ends every session of that
-- user on every replica at its next request.
alter table app_user add column session_generation integer default 0 not null;

-- Failed sign-ins (per account and per client address) and failed candidate links (per address) within a
-- window, and until when further attempts are refused. One row per subject ('user:rita', 'login:10.0.0.7',
-- 'link:10.0.0.7'); rows whose window and block have passed are purged.
create table throttle (
    subject        varchar(160) not null primary key,
    failures       integer      not null,
    window_start   timestamp(6) with time zone not null,
    blocked_until  timestamp(6) with time zone
);
create index ix_throttle_window_start on throttle (window_start);
