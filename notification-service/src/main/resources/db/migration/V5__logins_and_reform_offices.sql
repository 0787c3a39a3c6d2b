-- Every user is a person: a person's login name (the preferred_username of their tokens) finds their inbox when the
-- token names no person. Logins compare case-insensitively, as the identity provider keeps them.
ALTER TABLE directory_person ADD COLUMN username text;
CREATE INDEX directory_person_username ON directory_person (lower(username)) WHERE username IS NOT NULL;

-- A unit's kind: the reform office's units (REFORM_OFFICE) are whom requests waiting for the office's decision go to.
ALTER TABLE directory_unit ADD COLUMN kind text;
CREATE INDEX directory_unit_kind ON directory_unit (kind);
