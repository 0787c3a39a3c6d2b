-- This service's copy of the directory (reform.directory.v1): whom a reminder goes to and how to reach them.
CREATE TABLE directory_unit (
    id   uuid PRIMARY KEY,
    code text NOT NULL,
    name text NOT NULL
);

CREATE TABLE directory_person (
    id       uuid PRIMARY KEY,
    name     text NOT NULL,
    unit_id  uuid,
    -- HEAD 一把手, DEPUTY 分管领导, LIAISON 联络员, INFORMATION_OFFICER 信息员, LEADER 市领导/县级领导
    post     text,
    phone    text,
    email    text,
    language text NOT NULL
);
-- Reminders to a unit go to the people holding a post in it.
CREATE INDEX directory_person_unit_post ON directory_person (unit_id, post);

CREATE TABLE directory_group (
    id              uuid PRIMARY KEY,
    name            text NOT NULL,
    head_person_id  uuid,
    liaison_unit_id uuid
);

CREATE TABLE directory_group_member (
    group_id uuid NOT NULL REFERENCES directory_group (id) ON DELETE CASCADE,
    unit_id  uuid NOT NULL,
    PRIMARY KEY (group_id, unit_id)
);
CREATE INDEX directory_group_member_unit ON directory_group_member (unit_id);
