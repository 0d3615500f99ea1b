-- Candidate links (withdraw, status, ask for feedback), withdrawals and feedback requests.
-- Written to run unchanged on H2 (PostgreSQL mode) and PostgreSQL.

create sequence candidate_link_seq start with 1 increment by 50;
create sequence withdrawal_seq start with 1 increment by 50;
create sequence feedback_request_seq start with 1 increment by 50;

-- A link a candidate received in a mail. Only the SHA-256 of the token is kept: the token itself
-- exists only in the mail that carried it. Each token is for one application and one purpose.
create table candidate_link (
    id              bigint       not null primary key,
    token_hash      varchar(64)  not null,
    application_id  bigint       not null,
    purpose         varchar(16)  not null,
    -- the message whose mail carried it
    message_id      bigint,
    created_at      timestamp(6) with time zone not null,
    expires_at      timestamp(6) with time zone not null,
    constraint uk_candidate_link_token unique (token_hash),
    constraint fk_candidate_link_application foreign key (application_id) references application (id),
    constraint fk_candidate_link_message foreign key (message_id) references message (id),
    constraint ck_candidate_link_purpose check (purpose in ('WITHDRAW', 'STATUS', 'FEEDBACK'))
);
create index ix_candidate_link_application on candidate_link (application_id);

-- A candidate withdrew (through their link). One per application: a second POST finds it and does nothing.
create table withdrawal (
    id                 bigint        not null primary key,
    application_id     bigint        not null,
    reason             varchar(30),
    note               varchar(1000),
    withdrawn_at       timestamp(6) with time zone not null,
    -- the acknowledgement to the candidate (one for all applications withdrawn at once)
    acknowledgement_id bigint,
    constraint uk_withdrawal_application unique (application_id),
    constraint fk_withdrawal_application foreign key (application_id) references application (id),
    constraint fk_withdrawal_acknowledgement foreign key (acknowledgement_id) references message (id),
    constraint ck_withdrawal_reason check (reason in ('ACCEPTED_OTHER_OFFER', 'CIRCUMSTANCES_CHANGED', 'ROLE_NOT_RIGHT',
        'PROCESS_TOO_LONG', 'PREFER_NOT_TO_SAY', 'OTHER'))
);

-- A rejected candidate asked for feedback. One per application.
create table feedback_request (
    id              bigint       not null primary key,
    application_id  bigint       not null,
    requested_at    timestamp(6) with time zone not null,
    constraint uk_feedback_request_application unique (application_id),
    constraint fk_feedback_request_application foreign key (application_id) references application (id)
);
