-- Issue 21: letters the team owns. Each save of a kind's template in a language is a new version, kept with who and
-- when; the latest version is what letters are composed from. A version without subject and body is a return to
-- Candor's built-in letter (a deployment that never edits has no rows and sends the built-in letters).
-- Written to run unchanged on H2 (PostgreSQL mode) and PostgreSQL.
create sequence letter_template_version_seq start with 1 increment by 50;

create table letter_template_version (
    id           bigint        not null primary key,
    kind         varchar(30)   not null,
    language     varchar(8)    not null,
    number       integer       not null,
    subject      varchar(300),
    body         text,
    created_by   varchar(64)   not null,
    created_at   timestamp(6) with time zone not null,
    -- also the index for "the latest version of this kind and language"; two admins saving at once cannot both get a number
    constraint uq_letter_template_version unique (kind, language, number),
    constraint ck_letter_template_builtin check ((subject is null) = (body is null))
);

-- The template version a letter was composed from; null: the built-in letter.
alter table message add column template_version_id bigint;
