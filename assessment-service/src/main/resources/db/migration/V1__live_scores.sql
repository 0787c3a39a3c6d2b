-- The local copy of the directory's units, kept from reform.directory.v1.
CREATE TABLE assessed_unit (
    id       uuid PRIMARY KEY,
    code     text NOT NULL,
    name     text NOT NULL,
    category text NOT NULL CHECK (category IN ('A', 'B', 'C'))
);

-- Every point given or taken, with the fact behind it: a score explains itself.
CREATE TABLE score_entry (
    id          uuid PRIMARY KEY,
    unit_id     uuid          NOT NULL,
    event_id    uuid          NOT NULL,
    indicator   text          NOT NULL,
    points      numeric(8, 2) NOT NULL,
    reason      text          NOT NULL,
    occurred_at timestamptz   NOT NULL,
    UNIQUE (event_id, unit_id, indicator)
);
CREATE INDEX score_entry_unit ON score_entry (unit_id, occurred_at DESC);

-- A unit's live score and rank within its category; a unit the directory has not told us about yet is
-- scored but not ranked (category null) until it has.
CREATE TABLE unit_standing (
    unit_id    uuid PRIMARY KEY,
    category   text CHECK (category IN ('A', 'B', 'C')),
    score      numeric(8, 2) NOT NULL,
    rank       integer,
    updated_at timestamptz   NOT NULL
);
CREATE INDEX unit_standing_category ON unit_standing (category, score DESC);
