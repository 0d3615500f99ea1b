-- The board's application pages are ordered by the whole board index and then by id (a stable order). Without the id
-- in the index H2 found it "sorted: 4 of 5 columns" and read and joined a thousand rows for a page of 25 (2 000 for
-- page 50) from a million applications. With the id last the page's ids are read in index order and the read stops
-- at offset + 25 (index-only on PostgreSQL); the counts use the same leading columns as before. Replaced, not added
-- next to the old ones: H2 kept choosing the old index when both existed.
drop index ix_application_board_count;
create index ix_application_board_count on application (closure_state, chased_at, closure_due, requisition_id, id);
drop index ix_application_board_mine;
create index ix_application_board_mine on application (closure_state, recruiter_id, chased_at, closure_due, id);
