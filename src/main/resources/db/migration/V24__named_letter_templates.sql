-- Issue 21: several named templates of one kind (e.g. rejection "after screening", "keep in touch"), each with its own
-- versions per language. The kind's one editable letter (and behind it Candor's built-in letter) stays the standard:
-- its versions keep template_id 0, so a deployment that edits nothing sends exactly what it sent before.
-- Written to run unchanged on H2 (PostgreSQL mode) and PostgreSQL.
create sequence letter_template_seq start with 1 increment by 50;

create table letter_template (
    id               bigint        not null primary key,
    kind             varchar(30)   not null,
    name             varchar(100)  not null,
    -- preselected where a letter of this kind is chosen; at most one per kind (kept by LetterTemplates.markDefault)
    default_for_kind boolean       not null default false,
    created_by       varchar(64)   not null,
    created_at       timestamp(6) with time zone not null,
    constraint uq_letter_template_name unique (kind, name)
);

-- 0: the kind's standard letter; otherwise the named template the version belongs to.
alter table letter_template_version add column template_id bigint not null default 0;
alter table letter_template_version drop constraint uq_letter_template_version;
alter table letter_template_version add constraint uq_letter_template_version unique (template_id, kind, language, number);
