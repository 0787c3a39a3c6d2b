-- A reform office (改革办) is a unit of the directory too: it runs the plan rather than carries it, so it is not
-- assessed, and its people are who hear of requests waiting for the office's decision.
ALTER TABLE unit DROP CONSTRAINT unit_kind_check;
ALTER TABLE unit ADD CONSTRAINT unit_kind_check
    CHECK (kind IN ('DEPARTMENT', 'DISTRICT', 'DEVELOPMENT_ZONE', 'REFORM_OFFICE'));

-- Every user is a person: the person carries their login name (the identity provider's username, which tokens carry
-- as preferred_username), so a service finds the person behind a token without an id copied into the identity
-- provider. Logins compare as Keycloak does, case-insensitively; one current person per login.
ALTER TABLE person ADD COLUMN username text;
CREATE UNIQUE INDEX person_username ON person (lower(username)) WHERE username IS NOT NULL AND removed_at IS NULL;
