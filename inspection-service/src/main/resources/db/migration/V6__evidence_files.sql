-- Evidence files (佐证材料) a unit attaches to its rectification report (整改报告), kept beside the report (platform
-- evidence.PostgresEvidenceStore): the bytes as bytea, their kind as read from the bytes, the name as uploaded.
CREATE TABLE evidence_file (
    id          uuid PRIMARY KEY,
    owner_id    uuid        NOT NULL REFERENCES rectification_report (id),
    filename    text        NOT NULL,
    media_type  text        NOT NULL,
    size_bytes  bigint      NOT NULL CHECK (size_bytes > 0),
    sha256      text        NOT NULL,
    content     bytea       NOT NULL,
    uploaded_at timestamptz NOT NULL,
    uploaded_by text        NOT NULL
);
CREATE INDEX evidence_file_owner ON evidence_file (owner_id, uploaded_at);
