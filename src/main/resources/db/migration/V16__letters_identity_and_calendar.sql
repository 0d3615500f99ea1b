-- Issue 21: the company's identity on every letter, and calendar invitations with interview letters.
-- Written to run unchanged on H2 (PostgreSQL mode) and PostgreSQL.

-- Where a candidate's reply goes (the recruiter who signed, or the team's address), chosen when the letter
-- is queued and kept with it, like the rest of the letter.
alter table message add column reply_to varchar(254);

-- The iCalendar part of an interview letter (METHOD:REQUEST or CANCEL), composed when the letter is queued,
-- so that a retry sends exactly what the recruiter previewed and the history keeps it.
alter table message add column calendar text;

-- The SEQUENCE of the interview's calendar event: 0 when scheduled, raised by every move and the cancellation,
-- so that calendars replace the event they hold (same UID) instead of adding another.
alter table interview add column calendar_sequence integer default 0 not null;

-- An interviewer chosen from Candor's users (hiring managers, recruiters) keeps the link, and their address goes
-- into the invitation; a free-text interviewer may bring an address of their own.
alter table interviewer add column user_id bigint;
alter table interviewer add column email varchar(254);
alter table interviewer add constraint fk_interviewer_user foreign key (user_id) references app_user (id);
