CREATE TABLE pilot (
    id           uuid PRIMARY KEY,
    name         text        NOT NULL,
    level        text        NOT NULL CHECK (level IN ('NATIONAL', 'PROVINCIAL', 'MUNICIPAL', 'SELF_SELECTED',
                                                       'MICRO_REFORM')),
    granted_by   text,
    lead_unit_id uuid        NOT NULL,
    status       text        NOT NULL,
    created_at   timestamptz NOT NULL,
    created_by   text        NOT NULL
);
CREATE INDEX pilot_lead_unit ON pilot (lead_unit_id);
