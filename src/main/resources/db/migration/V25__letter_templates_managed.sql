-- Issue 21, named letter templates managed from /admin/letters: a named template can be retired (no longer offered;
-- letters composed from it keep their record, message.template_version_id). Written to run unchanged on H2
-- (PostgreSQL mode) and PostgreSQL.
alter table letter_template add column retired_at timestamp(6) with time zone;
alter table letter_template add column retired_by varchar(64);

-- A requisition may name its own default rejection letter (a named rejection template), preselected for its
-- applications; null: the kind's default. Kept when the template is retired (the choice then falls back to the kind's
-- default, see LetterTemplates.defaultChoice), so no cascade is needed; templates are never deleted.
alter table requisition add column rejection_template_id bigint;
alter table requisition add constraint fk_requisition_rejection_template foreign key (rejection_template_id) references letter_template (id);

-- Who may edit letter templates besides admins: an admin's setting kept here (one row), not configuration, so it
-- changes without a restart and is the same on every replica. Off until an admin turns it on.
create table letter_template_policy (
    id                  integer       not null primary key,
    recruiters_may_edit boolean       not null,
    changed_by          varchar(64),
    changed_at          timestamp(6) with time zone,
    constraint ck_letter_template_policy_one_row check (id = 1)
);
insert into letter_template_policy (id, recruiters_may_edit) values (1, false);
