-- Reminders before a pilot's periodic summary falls due: one row per (pilot, kind, period, reminder offset) the sweep
-- signalled, so each goes out once however often the sweep runs and on however many replicas.
CREATE TABLE summary_due_signal (
    pilot_id     uuid        NOT NULL REFERENCES pilot (id),
    kind         text        NOT NULL,
    period       text        NOT NULL,
    offset_days  integer     NOT NULL,
    due_on       date        NOT NULL,
    signalled_at timestamptz NOT NULL,
    PRIMARY KEY (pilot_id, kind, period, offset_days)
);
