-- An exemption may cover one occasion only (a task's deadline): an approved extension (延期申请) means no lateness
-- for the deadline it replaced, while a later deadline missed still costs points. The office's own exemptions
-- (occasion null) keep covering every point of the subject under the indicator.
ALTER TABLE exemption ADD COLUMN occasion text;
ALTER TABLE exemption DROP CONSTRAINT exemption_unit_id_subject_id_indicator_key;
CREATE UNIQUE INDEX exemption_subject ON exemption (unit_id, subject_id, indicator) WHERE occasion IS NULL;
CREATE UNIQUE INDEX exemption_occasion ON exemption (unit_id, indicator, occasion) WHERE occasion IS NOT NULL;
