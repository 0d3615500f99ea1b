-- Candidate messages (outbox), rejection reasons, requisition status history.
-- Written to run unchanged on H2 (PostgreSQL mode) and PostgreSQL.

create sequence message_seq start with 1 increment by 50;
create sequence rejection_reason_seq start with 1 increment by 50;
create sequence requisition_status_change_seq start with 1 increment by 50;

-- The list recruiters choose a rejection reason from. Internal: the reason is recorded for the
-- team and the export, never quoted to the candidate.
create table rejection_reason (
    id          bigint       not null primary key,
    code        varchar(40)  not null,
    label       varchar(200) not null,
    active      boolean      not null,
    sort_order  integer      not null,
    constraint uk_rejection_reason_code unique (code)
);
insert into rejection_reason (id, code, label, active, sort_order) values
    (1, 'stronger-match', 'Another candidate matched the role more closely', true, 10),
    (2, 'skills-gap', 'Skills or experience do not match the requirements', true, 20),
    (3, 'interview', 'Did not progress after the interview', true, 30),
    (4, 'salary', 'Salary expectations could not be met', true, 40),
    (5, 'location', 'Location or working arrangement does not fit', true, 50),
    (6, 'other', 'Other (see note)', true, 60);
alter sequence rejection_reason_seq restart with 101;

create table requisition_status_change (
    id              bigint       not null primary key,
    requisition_id  bigint       not null,
    from_status     varchar(16)  not null,
    to_status       varchar(16)  not null,
    changed_by      varchar(64)  not null,
    changed_at      timestamp(6) with time zone not null,
    note            varchar(2000),
    constraint fk_requisition_status_change_requisition foreign key (requisition_id) references requisition (id)
);
create index ix_requisition_status_change_requisition on requisition_status_change (requisition_id);

create table message (
    id                 bigint        not null primary key,
    application_id     bigint        not null,
    candidate_id       bigint        not null,
    requisition_id     bigint        not null,
    kind               varchar(30)   not null,
    channel            varchar(10)   not null,
    state              varchar(20)   not null,
    -- What caused it, e.g. 'stage-change:42'. Unique: one message per cause, enforced by the database.
    cause              varchar(100)  not null,
    recipient          varchar(254)  not null,
    language           varchar(8)    not null,
    subject            varchar(300)  not null,
    body_html          text          not null,
    body_text          text          not null,
    call_script        text,
    personal_note      varchar(2000),
    rejection_reason_id bigint,
    sender_username    varchar(64)   not null,
    sender_name        varchar(200)  not null,
    created_at         timestamp(6) with time zone not null,
    updated_at         timestamp(6) with time zone not null,
    -- When the dispatcher may next try: now for QUEUED, the chosen time for SCHEDULED, later after a retry.
    due_at             timestamp(6) with time zone,
    -- A dispatcher instance holds a message while delivering it, until lease_until.
    lease_owner        varchar(64),
    lease_until        timestamp(6) with time zone,
    attempts           integer       not null,
    last_error         varchar(1000),
    sent_at            timestamp(6) with time zone,
    message_id_header  varchar(200)  not null,
    call_done_at       timestamp(6) with time zone,
    call_done_by       varchar(64),
    call_note          varchar(2000),
    version            integer       not null,
    constraint fk_message_application foreign key (application_id) references application (id),
    constraint fk_message_candidate foreign key (candidate_id) references candidate (id),
    constraint fk_message_requisition foreign key (requisition_id) references requisition (id),
    constraint fk_message_rejection_reason foreign key (rejection_reason_id) references rejection_reason (id),
    constraint uk_message_cause unique (cause),
    constraint ck_message_state check (state in ('QUEUED', 'SCHEDULED', 'SENT', 'FAILED', 'CALL_PENDING', 'CALL_DONE', 'CANCELLED')),
    constraint ck_message_channel check (channel in ('EMAIL', 'PHONE'))
);
create index ix_message_due on message (state, due_at);
create index ix_message_application on message (application_id);
create index ix_message_candidate on message (candidate_id);
create index ix_message_requisition on message (requisition_id, created_at);

-- An address that bounced permanently (SMTP 5xx) is flagged until the recruiter fixes it.
alter table candidate add column email_undeliverable varchar(1000);
