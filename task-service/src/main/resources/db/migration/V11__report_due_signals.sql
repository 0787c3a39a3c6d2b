-- Reminders before a monthly report falls due: one row per (task, period, reminder offset) the sweep signalled, so
-- each goes out once however often the sweep runs and on however many replicas.
CREATE TABLE report_due_signal (
    task_id      uuid        NOT NULL REFERENCES task (id),
    period       text        NOT NULL,
    offset_days  integer     NOT NULL,
    signalled_at timestamptz NOT NULL,
    PRIMARY KEY (task_id, period, offset_days)
);
