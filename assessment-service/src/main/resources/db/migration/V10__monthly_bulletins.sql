-- 一月一通报: each closed month's bulletin as the .docx the office sends out, written again when the month is closed
-- again, so a download is always the last one issued.
CREATE TABLE month_bulletin (
    month     text        PRIMARY KEY,
    document  bytea       NOT NULL,
    issued_at timestamptz NOT NULL,
    issued_by text        NOT NULL
);
