-- Year end (年终综合考核): each unit's composite of its monthly scores and the year-end assessment, graded. Computed
-- as often as the office likes until it publishes the year; a published year is frozen.
CREATE TABLE year_end (
    year         integer PRIMARY KEY,
    status       text        NOT NULL CHECK (status IN ('COMPUTED', 'PUBLISHED')),
    scheme_id    uuid        NOT NULL REFERENCES scheme (id),
    computed_by  text        NOT NULL,
    computed_at  timestamptz NOT NULL,
    published_by text,
    published_at timestamptz
);

CREATE TABLE year_end_result (
    year            integer       NOT NULL REFERENCES year_end (year),
    unit_id         uuid          NOT NULL,
    category        text          NOT NULL,
    monthly_average numeric(8, 2) NOT NULL,
    months          integer       NOT NULL,
    assessment      numeric(8, 2) NOT NULL,
    composite       numeric(8, 2) NOT NULL,
    rank            integer       NOT NULL,
    grade           text          NOT NULL CHECK (grade IN ('EXCELLENT', 'COMPLETED', 'NOT_COMPLETED')),
    -- manual indicators of the year with no score entered: they counted as 0
    missing         text          NOT NULL,
    PRIMARY KEY (year, unit_id)
);
CREATE INDEX year_end_result_category ON year_end_result (year, category, rank);
