-- Every task ever created. ReplacingMergeTree keyed by task id: a redelivered or replayed
-- TaskCreated writes the same row again and collapses into one (read with FINAL).
CREATE TABLE IF NOT EXISTS tasks (
    task_id    String,
    title      String,
    jira_id    String,
    created_at DateTime,
    event_id   String
) ENGINE = ReplacingMergeTree()
PARTITION BY toYYYYMM(created_at)
ORDER BY task_id
