-- The pilot ledger in full: "four ones" (四个一: lead leader, lead unit, implementation plan, working team), the
-- responsibility letter, history, periodic summaries, outcomes and demonstration sites.
ALTER TABLE pilot
    ADD COLUMN policy_area          text,
    ADD COLUMN lead_leader_id       uuid,
    ADD COLUMN lead_leader_name     text,
    ADD COLUMN plan_reference       text,
    ADD COLUMN plan_approved_on     date,
    ADD COLUMN working_team         text[]      NOT NULL DEFAULT '{}',
    ADD COLUMN starts_on            date,
    ADD COLUMN planned_end_on       date,
    ADD COLUMN linked_task_ids      uuid[]      NOT NULL DEFAULT '{}',
    ADD COLUMN letter_signed_by     text,
    ADD COLUMN letter_signed_on     date,
    ADD COLUMN letter_document      text,
    ADD COLUMN exit_reason          text,
    ADD COLUMN updated_at           timestamptz;
UPDATE pilot SET updated_at = created_at;
ALTER TABLE pilot ALTER COLUMN updated_at SET NOT NULL;
ALTER TABLE pilot ADD CONSTRAINT pilot_status_known
    CHECK (status IN ('CANDIDATE', 'APPROVED', 'IN_PROGRESS', 'ACCEPTANCE', 'COMPLETED', 'EXITED'));
ALTER TABLE pilot ADD CONSTRAINT pilot_run_ordered CHECK (planned_end_on IS NULL OR starts_on IS NULL
    OR planned_end_on >= starts_on);
CREATE INDEX pilot_ledger ON pilot (level, status);
CREATE INDEX pilot_lead_leader ON pilot (lead_leader_id);

CREATE TABLE pilot_history (
    id          uuid PRIMARY KEY,
    pilot_id    uuid        NOT NULL REFERENCES pilot (id),
    at          timestamptz NOT NULL,
    actor       text        NOT NULL,
    action      text        NOT NULL,
    from_status text,
    to_status   text,
    detail      text
);
CREATE INDEX pilot_history_pilot ON pilot_history (pilot_id, at);

CREATE TABLE pilot_summary (
    id           uuid PRIMARY KEY,
    pilot_id     uuid        NOT NULL REFERENCES pilot (id),
    kind         text        NOT NULL CHECK (kind IN ('MONTHLY_SUMMARY', 'QUARTERLY_ANALYSIS', 'HALF_YEAR_REVIEW',
                                                      'FINAL_SUMMARY')),
    period       text        NOT NULL,
    content      text        NOT NULL,
    document     text,
    submitted_at timestamptz NOT NULL,
    submitted_by text        NOT NULL,
    UNIQUE (pilot_id, kind, period)
);

-- One row per missing summary signalled: the key is what makes "once per (pilot, kind, period)".
CREATE TABLE summary_signal (
    pilot_id     uuid        NOT NULL REFERENCES pilot (id),
    kind         text        NOT NULL,
    period       text        NOT NULL,
    due_on       date        NOT NULL,
    signalled_at timestamptz NOT NULL,
    PRIMARY KEY (pilot_id, kind, period)
);

CREATE TABLE pilot_outcome (
    id              uuid PRIMARY KEY,
    pilot_id        uuid        NOT NULL REFERENCES pilot (id),
    kind            text        NOT NULL CHECK (kind IN ('INSTITUTIONAL_RESULT', 'REPLICABLE_EXPERIENCE')),
    title           text        NOT NULL,
    description     text,
    promotion_level text CHECK (promotion_level IN ('CITY', 'PROVINCE', 'NATIONAL')),
    promoted_on     date,
    recorded_at     timestamptz NOT NULL,
    recorded_by     text        NOT NULL
);
CREATE INDEX pilot_outcome_pilot ON pilot_outcome (pilot_id);

CREATE TABLE demonstration_site (
    id            uuid PRIMARY KEY,
    pilot_id      uuid        NOT NULL REFERENCES pilot (id),
    name          text        NOT NULL,
    location      text,
    designated_on date,
    recorded_at   timestamptz NOT NULL,
    recorded_by   text        NOT NULL
);
CREATE INDEX demonstration_site_pilot ON demonstration_site (pilot_id);

-- The local copy of the directory's units, kept from reform.directory.v1, to name lead units in the ledger.
CREATE TABLE known_unit (
    id   uuid PRIMARY KEY,
    code text NOT NULL,
    name text NOT NULL
);
