-- Every field of a reform task (DOMAIN.md), milestones, the task's history and milestone signals.
ALTER TABLE task
    ADD COLUMN description            text,
    ADD COLUMN policy_areas           text[]  NOT NULL DEFAULT '{}',
    ADD COLUMN origin                 text    NOT NULL DEFAULT 'MUNICIPAL'
        CHECK (origin IN ('CENTRAL', 'PROVINCIAL', 'MUNICIPAL', 'SELF_INITIATED')),
    ADD COLUMN rigid                  boolean NOT NULL DEFAULT false,
    ADD COLUMN plan_year              integer,
    ADD COLUMN group_id               uuid REFERENCES special_group (id),
    ADD COLUMN co_lead_unit_ids       uuid[]  NOT NULL DEFAULT '{}',
    ADD COLUMN participating_unit_ids uuid[]  NOT NULL DEFAULT '{}',
    ADD COLUMN responsible_leader_id  uuid,
    ADD COLUMN expected_outcome       text,
    ADD COLUMN tags                   text[]  NOT NULL DEFAULT '{}',
    -- The day the task was handed out (下达): monthly reports are owed from the month after.
    ADD COLUMN assigned_on            date,
    -- While SUSPENDED: the day the clock stopped, the days that were left and the status to resume to.
    ADD COLUMN suspended_on           date,
    ADD COLUMN remaining_days         integer,
    ADD COLUMN suspended_from         text,
    ADD COLUMN updated_at             timestamptz,
    ADD COLUMN version                bigint  NOT NULL DEFAULT 0;
UPDATE task SET plan_year = extract(year FROM deadline), updated_at = created_at,
                assigned_on = (created_at AT TIME ZONE 'Asia/Shanghai')::date;
ALTER TABLE task ALTER COLUMN plan_year SET NOT NULL, ALTER COLUMN updated_at SET NOT NULL;
ALTER TABLE task ADD CONSTRAINT task_status_known
    CHECK (status IN ('DRAFT', 'ASSIGNED', 'IN_PROGRESS', 'CLOSE_REQUESTED', 'CLOSED', 'SUSPENDED', 'CANCELLED'));

-- The ledger's filters (status, year, group, area, co-lead and participating units) stay fast on 100,000 tasks.
CREATE INDEX task_status_deadline ON task (status, deadline);
CREATE INDEX task_plan_year ON task (plan_year);
CREATE INDEX task_group ON task (group_id);
CREATE INDEX task_policy_areas ON task USING gin (policy_areas);
CREATE INDEX task_co_leads ON task USING gin (co_lead_unit_ids);
CREATE INDEX task_participants ON task USING gin (participating_unit_ids);
CREATE INDEX task_tags ON task USING gin (tags);

CREATE TABLE task_milestone (
    id       uuid PRIMARY KEY,
    task_id  uuid    NOT NULL REFERENCES task (id),
    position integer NOT NULL,
    name     text    NOT NULL,
    due_on   date    NOT NULL,
    done_on  date,
    UNIQUE (task_id, name)
);
CREATE INDEX task_milestone_open_due ON task_milestone (due_on) WHERE done_on IS NULL;

CREATE TABLE task_history (
    id                uuid PRIMARY KEY,
    task_id           uuid        NOT NULL REFERENCES task (id),
    at                timestamptz NOT NULL,
    actor             text        NOT NULL,
    action            text        NOT NULL,
    from_status       text,
    to_status         text,
    previous_deadline date,
    deadline          date,
    reason            text
);
CREATE INDEX task_history_task ON task_history (task_id, at);

-- Milestone signals are "once per (task, milestone, date, offset)", so the milestone joins the key.
ALTER TABLE deadline_signal ADD COLUMN milestone text NOT NULL DEFAULT '';
ALTER TABLE deadline_signal DROP CONSTRAINT deadline_signal_pkey;
ALTER TABLE deadline_signal ADD PRIMARY KEY (task_id, kind, deadline, offset_days, milestone);
