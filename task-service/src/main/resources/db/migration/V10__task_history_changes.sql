-- An edit or a reassignment records every field it changed, old value and new, one history entry per field.
ALTER TABLE task_history
    ADD COLUMN field     text,
    ADD COLUMN old_value text,
    ADD COLUMN new_value text;
