-- Every change of a popug's balance: DEBIT (an assignment's fee), CREDIT (a completion's reward, task_id
-- set), PAYOUT, PAYOUT_RETURNED (a failed payout given back); amount signed as it changes the balance.
-- ReplacingMergeTree keyed by the event id: a redelivered or replayed event writes the same row again and
-- collapses into one; every query reads with FINAL, so it counts once even before the merge.
CREATE TABLE IF NOT EXISTS balance_changes (
    event_id     String,
    popug_id     String,
    day          Date,
    at           DateTime,
    kind         String,
    amount_cents Int64,
    task_id      String
) ENGINE = ReplacingMergeTree()
PARTITION BY toYYYYMM(day)
ORDER BY event_id
