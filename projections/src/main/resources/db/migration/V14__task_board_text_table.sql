-- The board's text filter gets a table of its own, written once per task. On task_board every assignment and
-- completion changes an indexed column (assignee, status), so no update there is HOT and each one wrote the
-- trigram index as well: two thirds of an assignment's cost (docs/PERFORMANCE.md, replay).
CREATE TABLE task_board_text (
    task_id UUID PRIMARY KEY,
    text    TEXT NOT NULL
);

INSERT INTO task_board_text (task_id, text)
SELECT task_id, title || ' ' || coalesce(jira_id, '') || ' ' || description FROM task_board;

CREATE INDEX task_board_text_trgm_idx ON task_board_text USING gin (text gin_trgm_ops);

DROP INDEX task_board_text_idx;
