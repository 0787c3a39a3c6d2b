-- A unit's ledger (what a district officer or a department's liaison sees, and the 单位 filter) is every task the
-- unit leads, co-leads or takes part in, in deadline order. The three are separate columns, two of them arrays, so no
-- index of task's own yields them in that order: a page meant reading all of the unit's rows and sorting them
-- (a unit in a fifth of 100,000 tasks: some 4,000 table pages per ledger page). This table is that index - one row
-- per task and unit it involves, kept by the trigger below on every write that moves a task's units, deadline or code
-- - so a page, or the unit's count, is a range of its primary key (TaskLedger.list, LedgerQuery.pageIds).
CREATE TABLE task_involved_unit (
    unit_id  uuid NOT NULL,
    deadline date NOT NULL,
    code     text NOT NULL,
    task_id  uuid NOT NULL REFERENCES task (id) ON DELETE CASCADE,
    PRIMARY KEY (unit_id, deadline, code) INCLUDE (task_id)
);
CREATE INDEX task_involved_unit_task ON task_involved_unit (task_id);

CREATE FUNCTION task_involved_units() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.lead_unit_id = OLD.lead_unit_id AND NEW.co_lead_unit_ids = OLD.co_lead_unit_ids
            AND NEW.participating_unit_ids = OLD.participating_unit_ids AND NEW.deadline = OLD.deadline
            AND NEW.code = OLD.code THEN
        RETURN NULL;
    END IF;
    DELETE FROM task_involved_unit WHERE task_id = NEW.id;
    INSERT INTO task_involved_unit (unit_id, deadline, code, task_id)
    SELECT DISTINCT u, NEW.deadline, NEW.code, NEW.id
    FROM unnest(ARRAY[NEW.lead_unit_id] || NEW.co_lead_unit_ids || NEW.participating_unit_ids) AS u;
    RETURN NULL;
END $$;

CREATE TRIGGER task_involved_units AFTER INSERT OR UPDATE ON task
    FOR EACH ROW EXECUTE FUNCTION task_involved_units();

INSERT INTO task_involved_unit (unit_id, deadline, code, task_id)
SELECT DISTINCT u, t.deadline, t.code, t.id
FROM task t CROSS JOIN unnest(ARRAY[t.lead_unit_id] || t.co_lead_unit_ids || t.participating_unit_ids) AS u;
