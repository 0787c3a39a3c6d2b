-- The full order lifecycle: kinds of order, answers, closing, the ladder frozen with each order, and the
-- history of every transition.
ALTER TABLE supervision_order
    ADD COLUMN kind                  text NOT NULL DEFAULT 'ROUTINE'
        CHECK (kind IN ('ROUTINE', 'KEY_ORDER', 'SPECIAL_LETTER')),
    ADD COLUMN origin                text NOT NULL DEFAULT 'TASK_OVERDUE'
        CHECK (origin IN ('TASK_OVERDUE', 'REPORT_OVERDUE', 'PILOT_SUMMARY_OVERDUE', 'LEADER_INSTRUCTION',
                          'ESCALATION')),
    ADD COLUMN basis                 text,
    ADD COLUMN responsible_leader_id uuid,
    -- The ladder in force when the chain's first order was issued (DOMAIN.md: frozen with it).
    ADD COLUMN ladder_days           text NOT NULL DEFAULT '5,5,3,3',
    ADD COLUMN day_count             text NOT NULL DEFAULT 'CALENDAR' CHECK (day_count IN ('CALENDAR', 'WORKING')),
    ADD COLUMN answer                text,
    ADD COLUMN answered_at           timestamptz,
    ADD COLUMN answered_by           text,
    ADD COLUMN rejection_reason      text,
    ADD COLUMN closed_reason         text,
    ADD COLUMN closed_at             timestamptz,
    ADD COLUMN closed_by             text,
    -- Set once when a top-rung order passes its reply-by date: it cannot escalate, so it is held to account.
    ADD COLUMN accountability_due_on date;
ALTER TABLE supervision_order ALTER COLUMN kind DROP DEFAULT;
ALTER TABLE supervision_order ALTER COLUMN origin DROP DEFAULT;
ALTER TABLE supervision_order ALTER COLUMN ladder_days DROP DEFAULT;
ALTER TABLE supervision_order ALTER COLUMN day_count DROP DEFAULT;
ALTER TABLE supervision_order ADD CONSTRAINT supervision_order_state
    CHECK (state IN ('ISSUED', 'ACKNOWLEDGED', 'ANSWERED', 'CLOSED', 'SUPERSEDED'));

-- The escalation sweep walks open orders by reply-by date.
CREATE INDEX supervision_order_open_by_reply_by ON supervision_order (reply_by)
    WHERE state IN ('ISSUED', 'ACKNOWLEDGED', 'ANSWERED');
CREATE INDEX supervision_order_subject ON supervision_order (subject_id);
CREATE INDEX supervision_order_issued_at ON supervision_order (issued_at DESC, id);

CREATE TABLE order_transition (
    id         uuid PRIMARY KEY,
    order_id   uuid        NOT NULL REFERENCES supervision_order (id),
    from_state text,
    to_state   text        NOT NULL,
    action     text        NOT NULL,
    actor      text        NOT NULL,
    at         timestamptz NOT NULL,
    reason     text
);
CREATE INDEX order_transition_order ON order_transition (order_id, at);

-- Orders issued before the lifecycle existed get their issue in the history.
INSERT INTO order_transition (id, order_id, from_state, to_state, action, actor, at, reason)
SELECT gen_random_uuid(), id, NULL, 'ISSUED', 'ISSUE', issued_by, issued_at, reason FROM supervision_order;

-- The working calendar: only the exceptions to "Monday to Friday" are stored — public holidays on weekdays
-- and make-up working days (调休) on weekends — as the office loads each year's official schedule.
CREATE TABLE calendar_day (
    day        date PRIMARY KEY,
    working    boolean     NOT NULL,
    note       text        NOT NULL,
    changed_at timestamptz NOT NULL,
    changed_by text        NOT NULL
);
