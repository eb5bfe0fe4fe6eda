-- balance_changes ordered by business day and popug (it was ordered by event id alone): the rollups of V5
-- recompute one day, or one day's popugs, at a time, and read only that part of the table. The key still
-- ends in the event id, and a fact written twice has the same day and popug, so it still collapses into one.
CREATE TABLE IF NOT EXISTS balance_changes_by_day (
    event_id     String,
    popug_id     String,
    day          Date,
    at           DateTime,
    kind         String,
    amount_cents Int64,
    task_id      String
) ENGINE = ReplacingMergeTree()
PARTITION BY toYYYYMM(day)
ORDER BY (day, popug_id, event_id);

INSERT INTO balance_changes_by_day SELECT event_id, popug_id, day, at, kind, amount_cents, task_id FROM balance_changes;

DROP TABLE balance_changes;

RENAME TABLE balance_changes_by_day TO balance_changes
