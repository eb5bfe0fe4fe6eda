-- The board's text filter ("beak" anywhere in title, Jira id or description) as a trigram index: a scan of
-- 100,000 rows took ~240 ms, the index answers in ~3 ms (docs/PERFORMANCE.md). pg_trgm is a trusted
-- extension (PostgreSQL 13+): the database's owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX task_board_text_idx ON task_board
    USING gin ((title || ' ' || coalesce(jira_id, '') || ' ' || description) gin_trgm_ops);
