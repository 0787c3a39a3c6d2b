-- Extension requests (延期申请): a lead unit asks for a later deadline before the current one passes; the reform
-- office approves (the deadline moves through the ordinary adjustment, the old one kept in the task's history) or
-- rejects, with a comment. At most one request per task waits for a decision.
CREATE TABLE extension_request (
    id                  uuid PRIMARY KEY,
    task_id             uuid        NOT NULL REFERENCES task (id),
    state               text        NOT NULL CHECK (state IN ('PENDING', 'APPROVED', 'REJECTED')),
    -- the task's deadline when the request was made, and the one asked for
    deadline            date        NOT NULL,
    requested_deadline  date        NOT NULL CHECK (requested_deadline > deadline),
    reason              text        NOT NULL,
    requested_at        timestamptz NOT NULL,
    requested_by        text        NOT NULL,
    requester_person_id uuid,
    decided_at          timestamptz,
    decided_by          text,
    comment             text,
    -- where an approval moved the deadline (the office may grant less than was asked)
    approved_deadline   date,
    version             bigint      NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX extension_request_one_pending ON extension_request (task_id) WHERE state = 'PENDING';
CREATE INDEX extension_request_queue ON extension_request (state, requested_at);
CREATE INDEX extension_request_task ON extension_request (task_id, requested_at);
