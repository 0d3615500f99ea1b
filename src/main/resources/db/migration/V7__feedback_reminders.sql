-- When the hiring manager was reminded of missing feedback on an interview: once per interview.
alter table interview add column feedback_reminded_at timestamp(6) with time zone;
