CREATE TABLE supervision_order (
    id             uuid PRIMARY KEY,
    rung           text        NOT NULL CHECK (rung IN ('REMINDER_NOTICE', 'ASSIGNMENT_NOTICE', 'URGING_NOTICE',
                                                         'RECTIFICATION_ORDER')),
    subject_type   text        NOT NULL CHECK (subject_type IN ('TASK', 'PILOT', 'FINDING')),
    subject_id     uuid        NOT NULL,
    subject_title  text        NOT NULL,
    target_unit_id uuid        NOT NULL,
    state          text        NOT NULL,
    issued_on      date        NOT NULL,
    reply_by       date        NOT NULL,
    reason         text        NOT NULL,
    supersedes     uuid REFERENCES supervision_order (id),
    issued_at      timestamptz NOT NULL,
    issued_by      text        NOT NULL
);
-- DOMAIN.md: at most one open order per subject.
CREATE UNIQUE INDEX supervision_order_one_open_per_subject ON supervision_order (subject_id)
    WHERE state IN ('ISSUED', 'ACKNOWLEDGED', 'ANSWERED');
CREATE INDEX supervision_order_target_unit ON supervision_order (target_unit_id);
