-- The recruiter's "needs your attention" list: one row per person told, read or not (marked read per user).
-- Written by the notification observer in the transaction of what happened. Runs unchanged on H2 and PostgreSQL.
create sequence notification_seq start with 1 increment by 50;
create table notification (
    id              bigint        not null primary key,
    user_id         bigint        not null,
    kind            varchar(20)   not null,
    application_id  bigint        not null,
    text            varchar(500)  not null,
    created_at      timestamp(6) with time zone not null,
    read_at         timestamp(6) with time zone,
    constraint fk_notification_user foreign key (user_id) references app_user (id),
    constraint fk_notification_application foreign key (application_id) references application (id),
    constraint ck_notification_kind check (kind in ('WITHDRAWAL', 'FEEDBACK_REQUEST', 'DEBRIEF', 'CHASER', 'LETTER_FAILED', 'FEEDBACK_IN'))
);
-- The header's unread count on every page, and the list newest first.
create index ix_notification_user on notification (user_id, read_at, created_at);
-- Deleting an application's data (retention) finds its notifications.
create index ix_notification_application on notification (application_id);
