-- The bulletin's figures by policy area (政策领域): a task's overdue and close facts keep the areas the task's event
-- named (reform.task.overdue.v1, reform.task.closed.v1). Empty where the event named none, as every fact before did.
ALTER TABLE score_entry ADD COLUMN policy_areas text[] NOT NULL DEFAULT '{}';
