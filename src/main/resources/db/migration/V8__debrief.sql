-- The candidate debrief: after an interview the candidate tells the recruiter how it went for them
-- and whether they are still interested. Optional per requisition (on unless turned off).
-- Written to run unchanged on H2 (PostgreSQL mode) and PostgreSQL.

alter table requisition add column debrief_enabled boolean default true not null;

-- When the debrief letter was queued for an interview: once per interview, claimed with a conditional update.
alter table interview add column debrief_sent_at timestamp(6) with time zone;

alter table candidate_link drop constraint ck_candidate_link_purpose;
alter table candidate_link add constraint ck_candidate_link_purpose check (purpose in ('WITHDRAW', 'STATUS', 'FEEDBACK', 'DEBRIEF'));

create sequence debrief_seq start with 1 increment by 50;

-- The candidate's answer. One per interview: a second POST finds it and does nothing.
create table debrief (
    id               bigint        not null primary key,
    interview_id     bigint        not null,
    answered_at      timestamp(6) with time zone not null,
    how_it_went      varchar(8)    not null,
    still_interested boolean       not null,
    note             varchar(1000),
    constraint uk_debrief_interview unique (interview_id),
    constraint fk_debrief_interview foreign key (interview_id) references interview (id),
    constraint ck_debrief_how_it_went check (how_it_went in ('GREAT', 'GOOD', 'MIXED', 'POOR'))
);
