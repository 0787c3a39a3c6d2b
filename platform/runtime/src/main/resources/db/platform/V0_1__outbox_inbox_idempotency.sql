-- Shared by every service: the transactional outbox, the idempotent-consumer inbox and idempotency keys.

CREATE TABLE outbox_event (
    id             uuid PRIMARY KEY,
    position       bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    aggregate_type text        NOT NULL,
    aggregate_id   text        NOT NULL,
    type           text        NOT NULL,
    topic          text        NOT NULL,
    occurred_at    timestamptz NOT NULL,
    payload        jsonb       NOT NULL,
    published_at   timestamptz
);
-- The relay only ever looks for what is still unpublished, oldest first.
CREATE INDEX outbox_event_unpublished ON outbox_event (position) WHERE published_at IS NULL;

CREATE TABLE processed_event (
    consumer     text        NOT NULL,
    event_id     uuid        NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);

CREATE TABLE idempotency_key (
    scope        text        NOT NULL,
    key          text        NOT NULL,
    request_hash text        NOT NULL,
    resource_id  uuid,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (scope, key)
);
