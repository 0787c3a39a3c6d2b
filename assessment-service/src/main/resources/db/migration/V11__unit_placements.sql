-- A caught-up month is ranked with the directory as it was in that month, not as it is today: each placement of a
-- unit in a category (null: in none, a reform office) is kept with the moment it took effect, and a month ranks every
-- unit by the placement in force at its end. What the directory said of a unit first holds for every month before
-- (the directory's topic is compacted: a unit's earlier placements may be gone), so today's units start at -infinity.
CREATE TABLE unit_placement (
    unit_id    uuid        NOT NULL,
    valid_from timestamptz NOT NULL,
    category   text CHECK (category IN ('A', 'B', 'C')),
    PRIMARY KEY (unit_id, valid_from)
);
INSERT INTO unit_placement (unit_id, valid_from, category) SELECT id, '-infinity', category FROM assessed_unit;
