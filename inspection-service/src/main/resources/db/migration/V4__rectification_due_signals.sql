-- Reminders before a rectification item falls due: one row per (item, deadline, reminder offset) the sweep signalled,
-- so each goes out once however often the sweep runs; a reopened item with a new deadline is reminded again.
CREATE TABLE rectification_due_signal (
    item_id      uuid        NOT NULL REFERENCES rectification_item (id),
    due_on       date        NOT NULL,
    offset_days  integer     NOT NULL,
    signalled_at timestamptz NOT NULL,
    PRIMARY KEY (item_id, due_on, offset_days)
);
