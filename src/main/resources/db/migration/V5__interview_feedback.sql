-- Hiring managers' feedback on interviews: private assessment plus a text written to be shared with the candidate.
-- Written to run unchanged on H2 (PostgreSQL mode) and PostgreSQL.

create sequence interview_feedback_seq start with 1 increment by 50;
create sequence feedback_revision_seq start with 1 increment by 50;

create table interview_feedback (
    id              bigint        not null primary key,
    interview_id    bigint        not null,
    author          varchar(64)   not null,
    author_name     varchar(200)  not null,
    recommendation  varchar(12),
    strengths       varchar(4000),
    concerns        varchar(4000),
    -- written for the candidate; the only part that may ever be sent to them
    shareable       varchar(4000),
    state           varchar(10)   not null,
    created_at      timestamp(6) with time zone not null,
    updated_at      timestamp(6) with time zone not null,
    submitted_at    timestamp(6) with time zone,
    version         integer       not null,
    constraint uk_interview_feedback_author unique (interview_id, author),
    constraint fk_interview_feedback_interview foreign key (interview_id) references interview (id),
    constraint ck_interview_feedback_state check (state in ('DRAFT', 'SUBMITTED')),
    constraint ck_interview_feedback_recommendation check (recommendation in ('STRONG_YES', 'YES', 'NO', 'STRONG_NO'))
);

-- What submitted feedback said before each later edit: nothing submitted is ever lost.
create table feedback_revision (
    id              bigint        not null primary key,
    feedback_id     bigint        not null,
    revised_at      timestamp(6) with time zone not null,
    revised_by      varchar(64)   not null,
    recommendation  varchar(12),
    strengths       varchar(4000),
    concerns        varchar(4000),
    shareable       varchar(4000),
    constraint fk_feedback_revision_feedback foreign key (feedback_id) references interview_feedback (id)
);
create index ix_feedback_revision_feedback on feedback_revision (feedback_id);
