-- Issue 22: retention, erasure on request and the log of retention runs.
-- Written to run unchanged on H2 (MODE=PostgreSQL) and PostgreSQL.

-- When the candidate's personal data was removed, and why (RETENTION: the period after their last closure
-- passed; ERASURE: an admin erased it on their request). Set once, by a conditional update: two replicas
-- running retention at once anonymise each candidate once.
alter table candidate add column anonymised_at timestamp(6) with time zone;
alter table candidate add column anonymised_why varchar(10);
alter table candidate add constraint ck_candidate_anonymised_why check (anonymised_why in ('RETENTION', 'ERASURE'));
-- Retention looks only at candidates not anonymised yet.
create index ix_candidate_anonymised on candidate (anonymised_at);

-- Each retention run: when, on which instance, how many were anonymised. Never who.
create sequence privacy_run_seq start with 1 increment by 50;
create table privacy_run (
    id             bigint       not null primary key,
    started_at     timestamp(6) with time zone not null,
    finished_at    timestamp(6) with time zone not null,
    -- closures before this instant were old enough
    cutoff         timestamp(6) with time zone not null,
    candidates     integer      not null,
    applications   integer      not null,
    messages       integer      not null,
    instance       varchar(64)  not null
);
create index ix_privacy_run_started on privacy_run (started_at);
