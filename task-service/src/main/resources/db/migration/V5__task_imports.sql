-- Each accepted spreadsheet import: what an Idempotency-Key retry gets back instead of a second import.
CREATE TABLE task_import (
    id          uuid PRIMARY KEY,
    imported_at timestamptz NOT NULL,
    imported_by text        NOT NULL,
    task_count  integer     NOT NULL,
    status      text        NOT NULL
);
ALTER TABLE task ADD COLUMN import_id uuid REFERENCES task_import (id);
CREATE INDEX task_import_id ON task (import_id) WHERE import_id IS NOT NULL;
