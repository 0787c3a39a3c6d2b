-- 容错: the office exempts a unit's deductions for one subject (a task, pilot, order or rectification item) under
-- one indicator, with a reason. Exempted entries stay in the explanation but stop counting.
CREATE TABLE exemption (
    id         uuid PRIMARY KEY,
    unit_id    uuid        NOT NULL,
    subject_id uuid        NOT NULL,
    indicator  text        NOT NULL,
    reason     text        NOT NULL,
    granted_by text        NOT NULL,
    granted_at timestamptz NOT NULL,
    UNIQUE (unit_id, subject_id, indicator)
);

-- What a point is about (the task, pilot, order or item), what kind of fact it was (a rung, on time or late) so
-- that a scheme can value it again, and the exemption that cancelled it, if any.
ALTER TABLE score_entry ADD COLUMN subject_id uuid;
ALTER TABLE score_entry ADD COLUMN detail text;
ALTER TABLE score_entry ADD COLUMN exempted_by uuid REFERENCES exemption (id);
CREATE INDEX score_entry_subject ON score_entry (unit_id, subject_id, indicator);

-- Scores the assessment group enters (考核小组评分, 牵头部门评议, 民主评议): 0 to 100, one per unit, kind and period
-- (a month YYYY-MM, or a year YYYY for the year-end assessment).
CREATE TABLE manual_score (
    id         uuid PRIMARY KEY,
    unit_id    uuid          NOT NULL,
    kind       text          NOT NULL,
    period     text          NOT NULL,
    score      numeric(5, 2) NOT NULL CHECK (score BETWEEN 0 AND 100),
    note       text,
    entered_by text          NOT NULL,
    entered_at timestamptz   NOT NULL,
    UNIQUE (unit_id, kind, period)
);
CREATE INDEX manual_score_period ON manual_score (period, unit_id);
