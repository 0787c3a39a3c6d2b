-- "My tasks" and the ledger's responsiblePerson / responsibleLeader filters stay fast on 100,000 tasks.
CREATE INDEX task_responsible_person ON task (responsible_person_id);
CREATE INDEX task_responsible_leader ON task (responsible_leader_id) WHERE responsible_leader_id IS NOT NULL;
