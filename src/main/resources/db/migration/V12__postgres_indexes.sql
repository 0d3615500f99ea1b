-- Indexes from the PostgreSQL plan review (QueryPlansPostgresTest: 200 000 applications, 200 000 messages).
-- Written to run unchanged on H2 (MODE=PostgreSQL) and PostgreSQL: plain indexes, no partial ones.

-- The outbox claim (Dispatcher.DUE_SQL: QUEUED or SCHEDULED, due, not leased, in due order, limit 50). With
-- ix_message_due (state, due_at) PostgreSQL reads every due message and sorts them all for each batch of 50:
-- with a backlog of 20 000 queued messages, 20 200 rows and a sort per claim. In (due_at, id) order it reads
-- the first 50 due rows and stops. Only QUEUED and SCHEDULED messages have a due_at (sending, failing and
-- cancelling clear it), so the sent ones sit at the null end of this index and are never read.
create index ix_message_due_order on message (due_at, id);

-- The board's "feedback missing" section (interviews whose hiring manager was reminded): without it every
-- interview was read on every board view.
create index ix_interview_feedback_reminded on interview (feedback_reminded_at);
