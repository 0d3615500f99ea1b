-- The sweep's part of the closure watch in a narrow table of its own: one row per application whose watch is OPEN
-- (none for a closed or paused one), with the promise it watches and what the sweep has noticed about it. Why: the
-- sweep flags thousands of rows at once, and on application each flag rewrote a wide row and an entry in each of its
-- ten indexes (15 000 rows flagged among a million: about 800 ms on PostgreSQL). Here a flag rewrites a small row in a
-- table a tenth the size, with two indexes (docs/benchmarks.md, 2026-12-04 night). ClosureWatch owns both tables'
-- columns (Application maps this one as an optional secondary table: no row while the watch is not open).
-- Written to run unchanged on H2 (PostgreSQL mode) and PostgreSQL.
create table closure_watch (
    application_id  bigint        not null primary key,
    due             date,
    flag            smallint      default 0 not null,
    due_soon_at     timestamp(6) with time zone,
    overdue_at      timestamp(6) with time zone,
    constraint fk_closure_watch_application foreign key (application_id) references application (id),
    constraint ck_closure_watch_flag check (flag between 0 and 2)
);
insert into closure_watch (application_id, due, flag, due_soon_at, overdue_at)
    select id, closure_due, closure_flag, due_soon_at, overdue_at from application where closure_state = 'OPEN';
-- The sweep's seeks: not flagged yet (or only due soon), by date.
create index ix_closure_watch_sweep on closure_watch (flag, due);

drop index ix_application_watch;
alter table application drop constraint ck_application_closure_flag;
alter table application drop column closure_flag;
alter table application drop column due_soon_at;
alter table application drop column overdue_at;
