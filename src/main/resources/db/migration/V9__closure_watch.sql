-- The closure watch: whether each candidate has been told a final answer by the date they were promised.
-- Written to run unchanged on H2 (PostgreSQL mode) and PostgreSQL.

-- closure_state: OPEN until the candidate has been told a final answer (an outcome sent or called, their
-- withdrawal acknowledged, a role-closed notice sent), then CLOSED; SUSPENDED while the role is on hold.
-- closure_due: the last promised decision date (kept when the stage closes, so an untold rejection still
-- counts against it). closure_flag: what the sweep has noticed about the current promise (0 nothing,
-- 1 due soon, 2 overdue), with when; a new promise clears it. promise_lapsed: a promise passed while open
-- (a later renegotiation does not make it kept). closed_late: decided when closed.
alter table application add column closure_state varchar(10) default 'OPEN' not null;
alter table application add column closure_due date;
alter table application add column closure_flag smallint default 0 not null;
alter table application add column due_soon_at timestamp(6) with time zone;
alter table application add column overdue_at timestamp(6) with time zone;
alter table application add column promise_lapsed boolean default false not null;
alter table application add column closed_at timestamp(6) with time zone;
alter table application add column closed_late boolean;
-- When the candidate's oldest unanswered chaser came in; null when none is waiting.
alter table application add column chased_at timestamp(6) with time zone;
alter table application add constraint ck_application_closure_state check (closure_state in ('OPEN', 'SUSPENDED', 'CLOSED'));
alter table application add constraint ck_application_closure_flag check (closure_flag between 0 and 2);

-- Existing data: the promise in force; applications already decided count as closed (on time: there is
-- no record to judge them by), unless their outcome is still waiting to be told.
update application set closure_due = promised_decision_date;
update application set closure_due = cast(stage_entered_at as date) where closure_due is null;
update application set closure_state = 'CLOSED', closed_at = stage_entered_at, closed_late = false
    where stage in ('HIRED', 'REJECTED', 'WITHDRAWN', 'ROLE_CLOSED')
      and not exists (select 1 from message m where m.application_id = application.id
                      and m.state in ('QUEUED', 'SCHEDULED', 'CALL_PENDING', 'FAILED')
                      and m.kind in ('OFFER', 'REJECTION', 'ROLE_CANCELLED', 'WITHDRAWAL_ACKNOWLEDGEMENT'));
update application set closure_state = 'CLOSED', closed_at = stage_entered_at, closed_late = false
    where stage = 'OFFER' and exists (select 1 from message m where m.application_id = application.id
                      and m.state in ('SENT', 'CALL_DONE') and m.kind = 'OFFER');
update application set closure_state = 'SUSPENDED'
    where closure_state = 'OPEN' and requisition_id in (select id from requisition where status = 'ON_HOLD');

-- The sweep finds newly due-soon and newly overdue promises by an index seek (state, flag, date);
-- the board reads open promises in date order; the statistics read closures by time.
create index ix_application_watch on application (closure_state, closure_flag, closure_due);
create index ix_application_closure_due on application (closure_state, closure_due, id);
create index ix_application_chased on application (chased_at);
create index ix_application_closed on application (closed_at);
create index ix_application_requisition on application (requisition_id, closure_state);

-- A candidate chasing: an e-mail or a call that came in, logged by the recruiter. Answered by the
-- next letter to the candidate, or marked answered by hand (called back).
create sequence chaser_seq start with 1 increment by 50;
create table chaser (
    id              bigint        not null primary key,
    application_id  bigint        not null,
    channel         varchar(10)   not null,
    note            varchar(2000),
    received_at     timestamp(6) with time zone not null,
    logged_by       varchar(64)   not null,
    logged_at       timestamp(6) with time zone not null,
    answered_at     timestamp(6) with time zone,
    answered_by     varchar(64),
    constraint fk_chaser_application foreign key (application_id) references application (id),
    constraint ck_chaser_channel check (channel in ('EMAIL', 'PHONE'))
);
create index ix_chaser_application on chaser (application_id, received_at);

-- Each run of the closure sweep: when, what it found, how long it took.
create sequence closure_sweep_seq start with 1 increment by 50;
create table closure_sweep (
    id           bigint        not null primary key,
    started_at   timestamp(6) with time zone not null,
    finished_at  timestamp(6) with time zone not null,
    today        date          not null,
    due_soon     integer       not null,
    overdue      integer       not null,
    duration_ms  bigint        not null,
    instance     varchar(64)   not null
);
create index ix_closure_sweep_started on closure_sweep (started_at);

-- The daily digest to each recruiter: one row per recruiter and business day, claimed by inserting it
-- (the primary key makes a second instance's claim fail). message_id is null when there was nothing to say.
create table closure_digest (
    recruiter_id  bigint        not null,
    digest_day    date          not null,
    items         integer       not null,
    message_id    bigint,
    created_at    timestamp(6) with time zone not null,
    constraint pk_closure_digest primary key (recruiter_id, digest_day),
    constraint fk_closure_digest_recruiter foreign key (recruiter_id) references app_user (id)
);

-- Messages to the team that are about no single application (the digest) have none.
alter table message alter column application_id drop not null;
alter table message alter column candidate_id drop not null;
alter table message alter column requisition_id drop not null;
