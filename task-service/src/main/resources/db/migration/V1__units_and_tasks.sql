CREATE TABLE unit (
    id         uuid PRIMARY KEY,
    code       text        NOT NULL UNIQUE,
    name       text        NOT NULL,
    category   text        NOT NULL CHECK (category IN ('A', 'B', 'C')),
    kind       text        NOT NULL CHECK (kind IN ('DEPARTMENT', 'DISTRICT', 'DEVELOPMENT_ZONE')),
    created_at timestamptz NOT NULL,
    created_by text        NOT NULL
);

CREATE SEQUENCE task_code_seq;

CREATE TABLE task (
    id                    uuid PRIMARY KEY,
    code                  text        NOT NULL UNIQUE,
    title                 text        NOT NULL,
    lead_unit_id          uuid        NOT NULL REFERENCES unit (id),
    responsible_person_id uuid        NOT NULL,
    deadline              date        NOT NULL,
    status                text        NOT NULL,
    created_at            timestamptz NOT NULL,
    created_by            text        NOT NULL
);
CREATE INDEX task_lead_unit ON task (lead_unit_id);
-- The sweep's question: which open tasks are past their deadline?
CREATE INDEX task_open_deadline ON task (deadline) WHERE status IN ('ASSIGNED', 'IN_PROGRESS', 'CLOSE_REQUESTED');

-- One row per deadline signal the sweep has emitted: the primary key is what makes it "once".
CREATE TABLE deadline_signal (
    task_id      uuid        NOT NULL REFERENCES task (id),
    kind         text        NOT NULL,
    deadline     date        NOT NULL,
    offset_days  integer     NOT NULL,
    signalled_at timestamptz NOT NULL,
    PRIMARY KEY (task_id, kind, deadline, offset_days)
);
