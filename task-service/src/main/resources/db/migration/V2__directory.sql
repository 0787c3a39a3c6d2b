-- The directory in full: units can change, people (责任人, 联络员 …) and special groups (专项小组).
ALTER TABLE unit
    ADD COLUMN updated_at timestamptz,
    ADD COLUMN updated_by text;
UPDATE unit SET updated_at = created_at, updated_by = created_by;
ALTER TABLE unit ALTER COLUMN updated_at SET NOT NULL, ALTER COLUMN updated_by SET NOT NULL;
CREATE INDEX unit_category ON unit (category, code);

CREATE TABLE person (
    id         uuid PRIMARY KEY,
    name       text        NOT NULL,
    unit_id    uuid        NOT NULL REFERENCES unit (id),
    post       text        NOT NULL CHECK (post IN ('HEAD', 'DEPUTY', 'LIAISON', 'INFORMATION_OFFICER', 'LEADER')),
    phone      text,
    email      text,
    language   text        NOT NULL,
    created_at timestamptz NOT NULL,
    created_by text        NOT NULL,
    updated_at timestamptz NOT NULL,
    updated_by text        NOT NULL,
    -- A person who left is kept (histories and old tasks still name them) but no longer listed or addressed.
    removed_at timestamptz,
    removed_by text
);
CREATE INDEX person_unit ON person (unit_id, name) WHERE removed_at IS NULL;

CREATE TABLE special_group (
    id              uuid PRIMARY KEY,
    name            text        NOT NULL UNIQUE,
    head_person_id  uuid        NOT NULL REFERENCES person (id),
    liaison_unit_id uuid        NOT NULL REFERENCES unit (id),
    member_unit_ids uuid[]      NOT NULL DEFAULT '{}',
    created_at      timestamptz NOT NULL,
    created_by      text        NOT NULL,
    updated_at      timestamptz NOT NULL,
    updated_by      text        NOT NULL
);
