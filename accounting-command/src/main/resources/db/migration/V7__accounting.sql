-- Accounting's command-side tables. Written in the same transaction as the events or commands that
-- change them; not read models (replay never touches them).

-- Every event accounting acted on, by id: a redelivered or replayed event (Kafka is at least once, and
-- the publisher may send a record twice) is recognised and never moves money twice.
CREATE TABLE accounting_handled_events (
    event_id   VARCHAR(64) PRIMARY KEY,
    handled_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The accounts that exist (from AccountOpened), for the daily close to settle each of them.
CREATE TABLE accounting_accounts (
    popug_id UUID PRIMARY KEY
);

-- The business days and their state; exactly one is 'open' once the calendar has started.
CREATE TABLE accounting_business_days (
    day       DATE        PRIMARY KEY,
    closes_at TIMESTAMPTZ NOT NULL,
    status    VARCHAR(8)  NOT NULL CHECK (status IN ('open', 'closing', 'closed'))
);

-- Accounting's own replica of identity (from ates.identity on Kafka): where payout mails go.
CREATE TABLE accounting_popugs (
    popug_id  UUID         PRIMARY KEY,
    username  VARCHAR(32)  NOT NULL,
    full_name VARCHAR(200) NOT NULL,
    email     VARCHAR(254) NOT NULL
);

-- db-scheduler's table: Axon's persistent deadline manager keeps the business day's deadline here.
CREATE TABLE scheduled_tasks (
    task_name            TEXT                     NOT NULL,
    task_instance        TEXT                     NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN                  NOT NULL,
    picked_by            TEXT,
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT                   NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);

-- The default payments adapter's ledger: one transfer per payout, whatever asks twice.
CREATE TABLE payments_ledger (
    payout_id    UUID         PRIMARY KEY,
    popug_id     UUID         NOT NULL,
    amount_cents BIGINT       NOT NULL CHECK (amount_cents > 0),
    reference    VARCHAR(64)  NOT NULL,
    sent_at      TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- Payouts whose e-mail was sent.
CREATE TABLE accounting_payout_mails (
    payout_id UUID        PRIMARY KEY,
    sent_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
