-- Some facts reach us twice by different events: a monthly report that task-service flagged as overdue
-- (ReportOverdue) and later received late (ProgressReported, late). The occasion (task and period) is what
-- counts, once per unit and indicator, whichever event came first.
ALTER TABLE score_entry ADD COLUMN occasion text;
CREATE UNIQUE INDEX score_entry_occasion ON score_entry (unit_id, indicator, occasion) WHERE occasion IS NOT NULL;
