-- A ledger page is the 20 rows after an offset in deadline order. With the id in the index, the rows a deep page
-- skips are walked in the index alone (an index-only scan) and only the page's own 20 rows are read from the table
-- (TaskLedger.list); without it, every skipped row was read too.
DROP INDEX task_deadline_code;
CREATE INDEX task_deadline_code ON task (deadline, code) INCLUDE (id);
