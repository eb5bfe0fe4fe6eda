-- Accounting's read models, built from the ates.accounting, ates.tasks and ates.identity Kafka topics.
-- Disposable: replay rebuilds them. The audit log is keyed by event id, and balances and earnings change
-- only in the statement that inserts an audit line, so a redelivered event changes nothing.
CREATE TABLE acc_popugs (
    popug_id  UUID         PRIMARY KEY,
    username  VARCHAR(32)  NOT NULL,
    full_name VARCHAR(200) NOT NULL
);

CREATE TABLE acc_tasks (
    task_id UUID         PRIMARY KEY,
    title   VARCHAR(200) NOT NULL,
    jira_id VARCHAR(32)
);

CREATE TABLE acc_balances (
    popug_id      UUID   PRIMARY KEY,
    balance_cents BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE acc_audit_log (
    event_id     VARCHAR(64) PRIMARY KEY,
    popug_id     UUID        NOT NULL,
    at           TIMESTAMPTZ NOT NULL,
    day          DATE        NOT NULL,
    amount_cents BIGINT      NOT NULL,
    kind         VARCHAR(8)  NOT NULL CHECK (kind IN ('DEBIT', 'CREDIT', 'PAYOUT')),
    task_id      UUID,
    payout_id    UUID,
    note         VARCHAR(300)
);
CREATE INDEX acc_audit_log_popug_day_idx ON acc_audit_log (popug_id, day, at);

CREATE TABLE acc_earnings (
    day           DATE   PRIMARY KEY,
    fees_cents    BIGINT NOT NULL DEFAULT 0,
    rewards_cents BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE acc_days (
    day         DATE        PRIMARY KEY,
    status      VARCHAR(8)  NOT NULL,
    closes_at   TIMESTAMPTZ NOT NULL,
    payouts     INT         NOT NULL DEFAULT 0,
    total_cents BIGINT      NOT NULL DEFAULT 0
);

CREATE TABLE acc_payouts (
    payout_id    UUID         PRIMARY KEY,
    popug_id     UUID         NOT NULL,
    amount_cents BIGINT       NOT NULL,
    day          DATE         NOT NULL,
    status       VARCHAR(8)   NOT NULL CHECK (status IN ('ISSUED', 'SENT', 'FAILED')),
    reason       VARCHAR(500)
);
CREATE INDEX acc_payouts_day_idx ON acc_payouts (day);
