-- A reform office (改革办) is a unit of the directory that runs the plan and is not assessed: known by its code and
-- name (closed months that ranked it before still show it), ranked in no category.
ALTER TABLE assessed_unit ALTER COLUMN category DROP NOT NULL;
