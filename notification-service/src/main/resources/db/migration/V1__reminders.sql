CREATE TABLE reminder (
    id           uuid PRIMARY KEY,
    recipient_id uuid        NOT NULL,
    kind         text        NOT NULL,
    subject_id   uuid        NOT NULL,
    -- what makes two reminders of one kind about one subject different, e.g. the deadline that passed
    occasion     text        NOT NULL,
    channel      text        NOT NULL,
    title        text        NOT NULL,
    body         text        NOT NULL,
    state        text        NOT NULL CHECK (state IN ('PENDING', 'SENT', 'DELIVERED', 'FAILED', 'READ')),
    created_at   timestamptz NOT NULL,
    delivered_at timestamptz,
    read_at      timestamptz,
    -- DOMAIN.md: one reminder per (recipient, subject, kind, occasion), however often an event arrives
    UNIQUE (recipient_id, subject_id, kind, occasion, channel)
);
CREATE INDEX reminder_inbox ON reminder (recipient_id, created_at DESC);
