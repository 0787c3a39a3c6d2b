-- V16's trigger called its plpgsql function on every update of a task, and the function then compared old and new
-- only to find, for a status change, a title or description edit, a reassignment of the responsible person, that
-- nothing it keeps had moved. Hibernate writes every column of an entity it updates, so "UPDATE OF <columns>" alone
-- would still fire on each of those; the WHEN condition is what spares the call, and PostgreSQL evaluates it without
-- entering plpgsql. A WHEN on OLD cannot stand in a trigger that also fires on INSERT, so inserts get their own. The
-- columns are NOT NULL (V1, V3), so IS DISTINCT FROM and V16's "=" agree on them.
DROP TRIGGER task_involved_units ON task;

CREATE OR REPLACE FUNCTION task_involved_units() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM task_involved_unit WHERE task_id = NEW.id;
    INSERT INTO task_involved_unit (unit_id, deadline, code, task_id)
    SELECT DISTINCT u, NEW.deadline, NEW.code, NEW.id
    FROM unnest(ARRAY[NEW.lead_unit_id] || NEW.co_lead_unit_ids || NEW.participating_unit_ids) AS u;
    RETURN NULL;
END $$;

CREATE TRIGGER task_involved_units_inserted AFTER INSERT ON task
    FOR EACH ROW EXECUTE FUNCTION task_involved_units();

CREATE TRIGGER task_involved_units_moved
    AFTER UPDATE OF lead_unit_id, co_lead_unit_ids, participating_unit_ids, deadline, code ON task
    FOR EACH ROW
    WHEN (OLD.lead_unit_id IS DISTINCT FROM NEW.lead_unit_id
        OR OLD.co_lead_unit_ids IS DISTINCT FROM NEW.co_lead_unit_ids
        OR OLD.participating_unit_ids IS DISTINCT FROM NEW.participating_unit_ids
        OR OLD.deadline IS DISTINCT FROM NEW.deadline
        OR OLD.code IS DISTINCT FROM NEW.code)
    EXECUTE FUNCTION task_involved_units();
