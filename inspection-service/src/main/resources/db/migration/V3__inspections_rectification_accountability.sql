-- Inspections (督察), their findings (问题), rectification items with deadlines (限时整改), the units' reports
-- and the re-inspections (复查) that verify or reopen them; and accountability records (问责).
CREATE TABLE inspection (
    id         uuid PRIMARY KEY,
    title      text        NOT NULL,
    type       text        NOT NULL CHECK (type IN ('DAILY', 'QUARTERLY', 'KEY', 'JOINT', 'LEADER_INSTRUCTED',
                                                    'PLAN_BY_PLAN', 'PILOT', 'COMPREHENSIVE')),
    method     text        NOT NULL CHECK (method IN ('ON_SITE', 'RANDOM_SPOT_CHECK', 'DOCUMENT_REVIEW')),
    scope      text        NOT NULL,
    starts_on  date        NOT NULL,
    ends_on    date        NOT NULL CHECK (ends_on >= starts_on),
    inspectors jsonb       NOT NULL,
    created_at timestamptz NOT NULL,
    created_by text        NOT NULL
);
CREATE INDEX inspection_starts_on ON inspection (starts_on DESC, id);

CREATE TABLE finding (
    id            uuid PRIMARY KEY,
    inspection_id uuid        NOT NULL REFERENCES inspection (id),
    description   text        NOT NULL,
    severity      text        NOT NULL CHECK (severity IN ('MINOR', 'MAJOR', 'SERIOUS')),
    unit_id       uuid        NOT NULL,
    recorded_at   timestamptz NOT NULL,
    recorded_by   text        NOT NULL
);
CREATE INDEX finding_inspection ON finding (inspection_id);
CREATE INDEX finding_unit ON finding (unit_id);

CREATE TABLE rectification_item (
    id                    uuid PRIMARY KEY,
    finding_id            uuid        NOT NULL REFERENCES finding (id),
    unit_id               uuid        NOT NULL,
    description           text        NOT NULL,
    due_on                date        NOT NULL,
    responsible_person_id uuid,
    state                 text        NOT NULL CHECK (state IN ('RECTIFYING', 'REPORTED', 'VERIFIED')),
    -- How often a re-inspection found the rectification wanting: the basis for accountability.
    reopened              integer     NOT NULL DEFAULT 0,
    created_at            timestamptz NOT NULL,
    created_by            text        NOT NULL
);
CREATE INDEX rectification_item_finding ON rectification_item (finding_id);
CREATE INDEX rectification_item_unit ON rectification_item (unit_id);
CREATE INDEX rectification_item_open_by_due ON rectification_item (due_on) WHERE state <> 'VERIFIED';

CREATE TABLE rectification_report (
    id          uuid PRIMARY KEY,
    item_id     uuid        NOT NULL REFERENCES rectification_item (id),
    content     text        NOT NULL,
    evidence    text,
    reported_at timestamptz NOT NULL,
    reported_by text        NOT NULL
);
CREATE INDEX rectification_report_item ON rectification_report (item_id);

CREATE TABLE re_inspection (
    id           uuid PRIMARY KEY,
    item_id      uuid        NOT NULL REFERENCES rectification_item (id),
    outcome      text        NOT NULL CHECK (outcome IN ('VERIFIED', 'REOPENED')),
    note         text        NOT NULL,
    new_due_on   date,
    inspected_at timestamptz NOT NULL,
    inspected_by text        NOT NULL
);
CREATE INDEX re_inspection_item ON re_inspection (item_id);

-- One RectificationOverdue per (item, deadline): the primary key decides who emits, across runs and replicas.
CREATE TABLE rectification_signal (
    item_id      uuid        NOT NULL REFERENCES rectification_item (id),
    due_on       date        NOT NULL,
    signalled_at timestamptz NOT NULL,
    PRIMARY KEY (item_id, due_on)
);

CREATE TABLE accountability_record (
    id           uuid PRIMARY KEY,
    measure      text        NOT NULL CHECK (measure IN ('ADMONISHMENT_TALK', 'CIRCULATED_CRITICISM', 'WARNING_TALK',
                                                         'SELF_CRITICISM')),
    unit_id      uuid        NOT NULL,
    person_id    uuid,
    subject_type text        NOT NULL CHECK (subject_type IN ('ORDER', 'FINDING')),
    subject_id   uuid        NOT NULL,
    basis        text        NOT NULL,
    recorded_at  timestamptz NOT NULL,
    recorded_by  text        NOT NULL
);
CREATE INDEX accountability_record_unit ON accountability_record (unit_id, recorded_at DESC);
