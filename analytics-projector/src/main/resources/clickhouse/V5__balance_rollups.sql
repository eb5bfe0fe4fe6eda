-- What the dashboards ask, kept per business day (docs/adr/0014 on the close, 0009 and 0015 on analytics),
-- so that no question reads the whole history. A row is never added to: it is recomputed from the
-- deduplicated facts (balance_changes FINAL) of its day whenever a batch brings facts of that day, and the
-- newest computation (the highest version) wins. A fact delivered twice changes no sum.

-- Management earnings of each business day: fees minus rewards.
CREATE TABLE IF NOT EXISTS day_earnings (
    day            Date,
    earnings_cents Int64,
    version        UInt64
) ENGINE = ReplacingMergeTree(version)
ORDER BY day;

-- The highest reward of each business day (ties: the earlier completion, then the task id).
CREATE TABLE IF NOT EXISTS day_top_rewards (
    day          Date,
    task_id      String,
    reward_cents Int64,
    at           DateTime,
    version      UInt64
) ENGINE = ReplacingMergeTree(version)
ORDER BY day;

-- How each popug's balance changed on each business day.
CREATE TABLE IF NOT EXISTS popug_day_changes (
    day       Date,
    popug_id  String,
    net_cents Int64,
    version   UInt64
) ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMM(day)
ORDER BY (day, popug_id);

-- ... in each span of seven days of a month (days 1-7, 8-14, 15-21, 22-28, 29-31; the first day names it) ...
CREATE TABLE IF NOT EXISTS popug_span_changes (
    span      Date,
    popug_id  String,
    net_cents Int64,
    version   UInt64
) ENGINE = ReplacingMergeTree(version)
ORDER BY (span, popug_id);

-- ... and in each month (the first day names it). A balance after a day is its months before, the spans of
-- its month before the day's span, and the days of the day's span up to it: at most 7 day rows, 4 span
-- rows and one row a month per popug.
CREATE TABLE IF NOT EXISTS popug_month_changes (
    month     Date,
    popug_id  String,
    net_cents Int64,
    version   UInt64
) ENGINE = ReplacingMergeTree(version)
ORDER BY (month, popug_id);

INSERT INTO day_earnings
SELECT day, -sumIf(amount_cents, kind IN ('DEBIT', 'CREDIT')), 0 FROM balance_changes FINAL GROUP BY day;

INSERT INTO day_top_rewards
SELECT day, task_id, amount_cents, at, 0 FROM balance_changes FINAL WHERE kind = 'CREDIT' AND task_id != ''
ORDER BY day, amount_cents DESC, at ASC, task_id ASC LIMIT 1 BY day;

INSERT INTO popug_day_changes
SELECT day, popug_id, sum(amount_cents), 0 FROM balance_changes FINAL GROUP BY day, popug_id;

INSERT INTO popug_span_changes
SELECT toStartOfMonth(day) + intDiv(toDayOfMonth(day) - 1, 7) * 7 AS span, popug_id, sum(net_cents), 0
FROM popug_day_changes FINAL GROUP BY span, popug_id;

INSERT INTO popug_month_changes
SELECT toStartOfMonth(span) AS month, popug_id, sum(net_cents), 0 FROM popug_span_changes FINAL GROUP BY month, popug_id
