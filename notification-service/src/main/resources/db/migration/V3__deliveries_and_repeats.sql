-- Each reminder row is one delivery to one person on one channel; SKIPPED is a channel that was not used
-- (not configured, no address), visibly.
ALTER TABLE reminder DROP CONSTRAINT reminder_state_check;
ALTER TABLE reminder ADD CONSTRAINT reminder_state_check
    CHECK (state IN ('PENDING', 'SENT', 'DELIVERED', 'FAILED', 'READ', 'SKIPPED'));
ALTER TABLE reminder
    ADD COLUMN language        text NOT NULL DEFAULT 'zh-CN',
    ADD COLUMN attempts        int  NOT NULL DEFAULT 0,
    -- when the dispatcher next looks at a PENDING delivery; null while it waits for the directory
    ADD COLUMN next_attempt_at timestamptz,
    ADD COLUMN reason          text,
    ADD COLUMN read_by         text;
CREATE INDEX reminder_due ON reminder (next_attempt_at) WHERE state = 'PENDING';
CREATE INDEX reminder_pending_recipient ON reminder (recipient_id) WHERE state = 'PENDING';
CREATE INDEX reminder_pending_subject ON reminder (subject_id) WHERE state = 'PENDING';
CREATE INDEX reminder_unread ON reminder (recipient_id) WHERE channel = 'INBOX' AND state = 'DELIVERED';

-- Overdue occasions that are reminded again every interval until their subject closes.
CREATE TABLE reminder_repeat (
    kind                  text        NOT NULL,
    subject_id            uuid        NOT NULL,
    occasion              text        NOT NULL,
    unit_id               uuid,
    responsible_person_id uuid,
    responsible_leader_id uuid,
    facts                 jsonb       NOT NULL,
    round                 int         NOT NULL,
    next_at               timestamptz NOT NULL,
    closed_at             timestamptz,
    PRIMARY KEY (kind, subject_id, occasion)
);
CREATE INDEX reminder_repeat_due ON reminder_repeat (next_at) WHERE closed_at IS NULL;
CREATE INDEX reminder_repeat_subject ON reminder_repeat (subject_id) WHERE closed_at IS NULL;

-- Phones and browsers that registered for mobile push.
CREATE TABLE push_device (
    token         text PRIMARY KEY,
    person_id     uuid        NOT NULL,
    platform      text        NOT NULL,
    registered_at timestamptz NOT NULL,
    registered_by text        NOT NULL
);
CREATE INDEX push_device_person ON push_device (person_id, registered_at DESC);
