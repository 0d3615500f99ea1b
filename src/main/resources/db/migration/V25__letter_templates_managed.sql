-- Issue 21, named letter templates managed from /admin/letters: a named template can be retired (no longer offered;
-- letters composed from it keep their record, message.template_version_id). Written to run unchanged on H2
-- (PostgreSQL mode) and PostgreSQL.
alter table letter_template add column retired_at timestamp(6) with time zone;
alter table letter_template add column retired_by varchar(64);
