-- Raised in the transaction that applies a directory change, so the reminder consumers know when the answers they
-- keep (who holds a post, how to reach a person) must be read again.
CREATE TABLE directory_version (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    version   bigint  NOT NULL
);
INSERT INTO directory_version (version) VALUES (0);
