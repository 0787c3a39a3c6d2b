-- Who replaced a year of the working calendar with the office's published schedule, when, and with which days: the
-- days themselves live on in calendar_day, this is the record of each replacement that changed anything.
CREATE TABLE calendar_year_replacement (
    id           uuid PRIMARY KEY,
    year         integer     NOT NULL,
    replaced_at  timestamptz NOT NULL,
    replaced_by  text        NOT NULL,
    holidays     date[]      NOT NULL,
    working_days date[]      NOT NULL
);
CREATE INDEX calendar_year_replacement_year ON calendar_year_replacement (year, replaced_at DESC);
