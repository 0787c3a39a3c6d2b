-- 一月一排名: scores are monthly. A unit starts every month at the base score; a point counts in the month of the
-- fact behind it. Each month's ranking is frozen and published at month end (一月一通报).
ALTER TABLE unit_standing ADD COLUMN month text;
UPDATE unit_standing SET month = to_char(updated_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM');
ALTER TABLE unit_standing ALTER COLUMN month SET NOT NULL;
ALTER TABLE unit_standing DROP CONSTRAINT unit_standing_pkey;
ALTER TABLE unit_standing ADD PRIMARY KEY (unit_id, month);
DROP INDEX unit_standing_category;
CREATE INDEX unit_standing_category ON unit_standing (month, category, score DESC);

ALTER TABLE score_entry ADD COLUMN month text;
UPDATE score_entry SET month = to_char(occurred_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM');
ALTER TABLE score_entry ALTER COLUMN month SET NOT NULL;
CREATE INDEX score_entry_month ON score_entry (month, unit_id);

-- One row per (month, category) closed: the key is what makes a second close change nothing.
CREATE TABLE month_close (
    month     text        NOT NULL,
    category  text        NOT NULL CHECK (category IN ('A', 'B', 'C')),
    closed_at timestamptz NOT NULL,
    PRIMARY KEY (month, category)
);

CREATE TABLE month_ranking (
    month     text          NOT NULL,
    category  text          NOT NULL,
    unit_id   uuid          NOT NULL,
    score     numeric(8, 2) NOT NULL,
    rank      integer       NOT NULL,
    -- 一月一会诊: the lowest-ranked unit of the month gets a diagnosis visit
    diagnosis boolean       NOT NULL,
    PRIMARY KEY (month, category, unit_id),
    FOREIGN KEY (month, category) REFERENCES month_close (month, category)
);
CREATE INDEX month_ranking_unit ON month_ranking (unit_id, month);
