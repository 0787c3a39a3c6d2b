-- Monthly progress reports (进展报告): one current report per task and period, every version kept.
CREATE TABLE progress_report (
    id          uuid PRIMARY KEY,
    task_id     uuid        NOT NULL REFERENCES task (id),
    period      text        NOT NULL CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    revision    integer     NOT NULL,
    percent     integer     NOT NULL CHECK (percent BETWEEN 0 AND 100),
    narrative   text        NOT NULL,
    problems    text,
    next_steps  text,
    evidence    text[]      NOT NULL DEFAULT '{}',
    late        boolean     NOT NULL,
    reported_at timestamptz NOT NULL,
    reported_by text        NOT NULL,
    UNIQUE (task_id, period)
);

CREATE TABLE progress_report_revision (
    id          uuid PRIMARY KEY,
    report_id   uuid        NOT NULL REFERENCES progress_report (id),
    revision    integer     NOT NULL,
    percent     integer     NOT NULL,
    narrative   text        NOT NULL,
    problems    text,
    next_steps  text,
    evidence    text[]      NOT NULL DEFAULT '{}',
    late        boolean     NOT NULL,
    reported_at timestamptz NOT NULL,
    reported_by text        NOT NULL,
    UNIQUE (report_id, revision)
);

-- One row per missing report the sweep signalled: the primary key is what makes it "once per (task, period)".
CREATE TABLE report_overdue_signal (
    task_id      uuid        NOT NULL REFERENCES task (id),
    period       text        NOT NULL,
    signalled_at timestamptz NOT NULL,
    PRIMARY KEY (task_id, period)
);
-- The report sweep's question: which tasks handed out before a month began are still open?
CREATE INDEX task_reporting ON task (assigned_on) WHERE status IN ('ASSIGNED', 'IN_PROGRESS');
