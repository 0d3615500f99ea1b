-- Interviews on an application, with the people the candidate will meet.
-- Written to run unchanged on H2 (PostgreSQL mode) and PostgreSQL.

create sequence interview_seq start with 1 increment by 50;

create table interview (
    id                bigint        not null primary key,
    application_id    bigint        not null,
    starts_at         timestamp(6) with time zone not null,
    duration_minutes  integer       not null,
    kind              varchar(10)   not null,
    -- the address for ON_SITE, the meeting link for VIDEO, the number to expect for PHONE
    location          varchar(500),
    state             varchar(12)   not null,
    created_by        varchar(64)   not null,
    created_at        timestamp(6) with time zone not null,
    updated_at        timestamp(6) with time zone not null,
    version           integer       not null,
    constraint fk_interview_application foreign key (application_id) references application (id),
    constraint ck_interview_kind check (kind in ('PHONE', 'VIDEO', 'ON_SITE')),
    constraint ck_interview_state check (state in ('SCHEDULED', 'CANCELLED')),
    constraint ck_interview_duration check (duration_minutes between 5 and 600)
);
create index ix_interview_application on interview (application_id);
create index ix_interview_starts on interview (state, starts_at);

-- Who the candidate will meet, in the order given: names and titles go into the confirmation.
create table interviewer (
    interview_id  bigint        not null,
    position      integer       not null,
    name          varchar(200)  not null,
    title         varchar(200)  not null,
    constraint pk_interviewer primary key (interview_id, position),
    constraint fk_interviewer_interview foreign key (interview_id) references interview (id)
);
