-- Text search over code, title and description (q=营商环境) without reading all 100,000 tasks: a trigram index
-- on the one expression the ledger query matches. pg_trgm is a trusted extension, so the database's owner may
-- create it; its trigrams cover Chinese text under a UTF-8 ctype.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX task_text_trgm ON task
    USING gin ((code || ' ' || title || ' ' || coalesce(description, '')) gin_trgm_ops);
