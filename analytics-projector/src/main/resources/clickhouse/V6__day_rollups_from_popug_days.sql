-- A day's earnings and top reward were recomputed from all the facts of the day, for every batch that
-- brought a fact of it: at hundreds of thousands of tasks a day, each batch read the whole busy day twice
-- (docs/PERFORMANCE.md, analytics). Each popug's row of a day now also keeps what those two need, so that
-- they are recomputed from the day's popug rows (at most one per popug) instead:
--   task_cents:       fees and rewards of the day (debits and credits; no payouts), whose sum, negated, is
--                     the management's earnings of the day;
--   top_task_id, top_reward_cents, top_at: the popug's highest reward of the day (ties: the earlier
--                     completion, then the task id), empty when they had none.
-- The table is rebuilt from the deduplicated facts with the new columns, then takes the old one's place.
CREATE TABLE IF NOT EXISTS popug_day_changes_v6 (
    day              Date,
    popug_id         String,
    net_cents        Int64,
    task_cents       Int64,
    top_task_id      String,
    top_reward_cents Int64,
    top_at           DateTime,
    version          UInt64
) ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMM(day)
ORDER BY (day, popug_id);

INSERT INTO popug_day_changes_v6
SELECT day, popug_id, net_cents, task_cents, top_task_id, top_reward_cents, top_at, 0 FROM (
    SELECT day, popug_id, sum(amount_cents) AS net_cents, sumIf(amount_cents, kind IN ('DEBIT', 'CREDIT')) AS task_cents
    FROM balance_changes FINAL GROUP BY day, popug_id)
ANY LEFT JOIN (
    SELECT day, popug_id, task_id AS top_task_id, amount_cents AS top_reward_cents, at AS top_at
    FROM balance_changes FINAL WHERE kind = 'CREDIT' AND task_id != ''
    ORDER BY day, popug_id, amount_cents DESC, at ASC, task_id ASC LIMIT 1 BY day, popug_id)
USING day, popug_id;

DROP TABLE popug_day_changes;

RENAME TABLE popug_day_changes_v6 TO popug_day_changes
