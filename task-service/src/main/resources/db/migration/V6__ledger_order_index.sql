-- The ledger's default order (deadline, code) read straight off an index, so a page of an unfiltered or
-- lightly filtered ledger of 100,000 tasks needs no sort.
CREATE INDEX task_deadline_code ON task (deadline, code);
