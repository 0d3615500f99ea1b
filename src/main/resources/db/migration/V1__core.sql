-- Candor core: users, requisitions, candidates, applications and their stage history.
-- Written to run unchanged on H2 (MODE=PostgreSQL) and PostgreSQL.
-- Ids come from sequences with an increment of 50, matching Hibernate's pooled allocation,
-- so that inserts can be batched.

create sequence app_user_seq start with 1 increment by 50;
create sequence requisition_seq start with 1 increment by 50;
create sequence candidate_seq start with 1 increment by 50;
create sequence application_seq start with 1 increment by 50;
create sequence stage_change_seq start with 1 increment by 50;

create table app_user (
    id          bigint       not null primary key,
    username    varchar(64)  not null,
    password    varchar(100) not null,
    roles       varchar(100) not null,
    full_name   varchar(200) not null,
    job_title   varchar(200),
    email       varchar(254),
    active      boolean      not null,
    created_at  timestamp(6) with time zone not null,
    constraint uk_app_user_username unique (username)
);

create table requisition (
    id                 bigint       not null primary key,
    title              varchar(200) not null,
    recruiter_id       bigint       not null,
    hiring_manager_id  bigint       not null,
    status             varchar(16)  not null,
    created_at         timestamp(6) with time zone not null,
    updated_at         timestamp(6) with time zone not null,
    version            integer      not null,
    constraint fk_requisition_recruiter foreign key (recruiter_id) references app_user (id),
    constraint fk_requisition_hiring_manager foreign key (hiring_manager_id) references app_user (id),
    constraint ck_requisition_status check (status in ('OPEN', 'ON_HOLD', 'CANCELLED', 'FILLED'))
);
create index ix_requisition_recruiter on requisition (recruiter_id);
create index ix_requisition_hiring_manager on requisition (hiring_manager_id);

create table candidate (
    id                 bigint       not null primary key,
    salutation         varchar(20),
    first_name         varchar(100) not null,
    last_name          varchar(100) not null,
    first_name_terms   boolean      not null,
    email              varchar(254) not null,
    phone              varchar(40),
    preferred_channel  varchar(10)  not null,
    language           varchar(8)   not null,
    created_at         timestamp(6) with time zone not null,
    updated_at         timestamp(6) with time zone not null,
    version            integer      not null,
    constraint uk_candidate_email unique (email),
    constraint ck_candidate_channel check (preferred_channel in ('EMAIL', 'PHONE'))
);

create table application (
    id                      bigint      not null primary key,
    requisition_id          bigint      not null,
    candidate_id            bigint      not null,
    stage                   varchar(20) not null,
    stage_entered_at        timestamp(6) with time zone not null,
    promised_decision_date  date,
    created_at              timestamp(6) with time zone not null,
    updated_at              timestamp(6) with time zone not null,
    version                 integer     not null,
    constraint fk_application_requisition foreign key (requisition_id) references requisition (id),
    constraint fk_application_candidate foreign key (candidate_id) references candidate (id),
    -- The same person applies to a requisition once.
    constraint uk_application_requisition_candidate unique (requisition_id, candidate_id),
    constraint ck_application_stage check (stage in ('APPLIED', 'SCREENING', 'INTERVIEW', 'FINAL_INTERVIEW',
        'OFFER', 'HIRED', 'REJECTED', 'WITHDRAWN', 'ROLE_CLOSED'))
);
create index ix_application_candidate on application (candidate_id);

create table stage_change (
    id                      bigint      not null primary key,
    application_id          bigint      not null,
    from_stage              varchar(20),
    to_stage                varchar(20) not null,
    changed_by              varchar(64) not null,
    changed_at              timestamp(6) with time zone not null,
    note                    varchar(2000),
    promised_decision_date  date,
    correction              boolean     not null,
    constraint fk_stage_change_application foreign key (application_id) references application (id)
);
create index ix_stage_change_application on stage_change (application_id, changed_at);
