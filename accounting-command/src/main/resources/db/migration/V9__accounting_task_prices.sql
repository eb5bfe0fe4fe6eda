-- Every task's price, written in the same transaction as its TaskPriced event: the money handler finds
-- prices here (and those set earlier in its own batch in memory) instead of loading price aggregates.
CREATE TABLE accounting_task_prices (
    task_id      UUID   PRIMARY KEY,
    fee_cents    BIGINT NOT NULL CHECK (fee_cents > 0),
    reward_cents BIGINT NOT NULL CHECK (reward_cents > 0)
);
