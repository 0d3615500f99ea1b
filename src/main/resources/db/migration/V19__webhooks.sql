-- Issue 22: outbound webhooks. Written to run unchanged on H2 (MODE=PostgreSQL) and PostgreSQL.

-- A receiver an admin registered. Each has its own signing secret. personal_data: the receiver gets the candidate's
-- name and address with each event (otherwise ids only). Disabled (active false) by an admin or after repeated
-- permanent failures, with the reason shown on the admin page.
create sequence webhook_endpoint_seq start with 1 increment by 50;
create table webhook_endpoint (
    id                    bigint        not null primary key,
    url                   varchar(2000) not null,
    secret                varchar(200)  not null,
    description           varchar(200),
    personal_data         boolean       not null,
    active                boolean       not null,
    disabled_reason       varchar(1000),
    disabled_at           timestamp(6) with time zone,
    -- permanent refusals in a row; a delivery that succeeds sets it back to 0
    permanent_failures    integer       not null,
    created_at            timestamp(6) with time zone not null,
    updated_at            timestamp(6) with time zone not null,
    version               integer       not null
);

-- What happened, written in the same transaction as the change (the outbox). event_id is the stable id receivers
-- de-duplicate by; body is the JSON sent, ids only (personal data is added at delivery for endpoints that opted in,
-- so none is stored here).
create sequence webhook_event_seq start with 1 increment by 50;
create table webhook_event (
    id            bigint        not null primary key,
    event_id      varchar(40)   not null,
    type          varchar(40)   not null,
    occurred_at   timestamp(6) with time zone not null,
    candidate_id  bigint,
    body          text          not null,
    constraint uk_webhook_event_event_id unique (event_id)
);

-- One delivery of an event to an endpoint: its attempts, the last answer, leased by one instance while it is sent.
create sequence webhook_delivery_seq start with 1 increment by 50;
create table webhook_delivery (
    id             bigint        not null primary key,
    event_id       bigint        not null,
    endpoint_id    bigint        not null,
    state          varchar(12)   not null,
    attempts       integer       not null,
    due_at         timestamp(6) with time zone,
    lease_owner    varchar(64),
    lease_until    timestamp(6) with time zone,
    last_status    integer,
    last_error     varchar(1000),
    delivered_at   timestamp(6) with time zone,
    created_at     timestamp(6) with time zone not null,
    updated_at     timestamp(6) with time zone not null,
    constraint fk_webhook_delivery_event foreign key (event_id) references webhook_event (id),
    constraint fk_webhook_delivery_endpoint foreign key (endpoint_id) references webhook_endpoint (id),
    constraint uk_webhook_delivery unique (event_id, endpoint_id),
    constraint ck_webhook_delivery_state check (state in ('PENDING', 'DELIVERED', 'FAILED', 'CANCELLED'))
);
-- The dispatcher's claim (state, due) and the endpoint's delivery log (newest first).
create index ix_webhook_delivery_due on webhook_delivery (state, due_at);
create index ix_webhook_delivery_endpoint on webhook_delivery (endpoint_id, created_at);

-- Bounces (bounce/BounceReader) find the letter a delivery status notification is about by its Message-ID.
create index ix_message_message_id_header on message (message_id_header);
