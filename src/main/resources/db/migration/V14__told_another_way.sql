-- A candidate told their final answer outside Candor's letters and calls (in person, a call not logged as a
-- task; what a recruiter's plain move to a final stage records): how, by whom, and what was said. When is the
-- application's closed_at. Null for every closure by a letter or call. Runs unchanged on H2 and PostgreSQL.
alter table application add column told_how varchar(20);
alter table application add column told_by varchar(100);
alter table application add column told_note varchar(2000);
alter table application add constraint ck_application_told_how check (told_how in ('IN_PERSON', 'PHONE', 'VIDEO_CALL', 'OTHER'));
