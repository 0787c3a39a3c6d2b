-- Who closed a month: the reform office member who asked, or "system" for the close at the month boundary.
ALTER TABLE month_close ADD COLUMN closed_by text NOT NULL DEFAULT 'system';
ALTER TABLE month_close ALTER COLUMN closed_by DROP DEFAULT;
