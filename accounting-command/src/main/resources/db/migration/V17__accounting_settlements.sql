-- The daily close as work that fans out (docs/adr/0014): each close of a day is planned as one row per
-- account, and each account is settled in a transaction of its own, by any of several workers on any
-- instance, the row marked in the same transaction as the account's events. A crash leaves the rows not
-- yet settled; the workers go on with them after the restart, and settle nobody twice.

-- The closes planned: the day, how many accounts it settles, when it was planned, and the trace id of the
-- action that closed the day (the workers' commands and log lines carry it).
CREATE TABLE accounting_closes (
    day        DATE        PRIMARY KEY,
    accounts   INT         NOT NULL,
    planned_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    trace_id   VARCHAR(64)
);

-- One row per account of a planned close; payout_cents is what its settlement paid out (null: carried
-- over). A settlement that failed (a bug, an outage) is tried again at retry_at; the others go on meanwhile.
CREATE TABLE accounting_settlements (
    day          DATE        NOT NULL REFERENCES accounting_closes (day),
    popug_id     UUID        NOT NULL,
    settled      BOOLEAN     NOT NULL DEFAULT false,
    payout_cents BIGINT      CHECK (payout_cents > 0),
    failures     INT         NOT NULL DEFAULT 0,
    last_failure TEXT,
    retry_at     TIMESTAMPTZ,
    PRIMARY KEY (day, popug_id)
);
-- The workers look for the rows not settled yet; the index holds only those.
CREATE INDEX accounting_settlements_pending ON accounting_settlements (day, popug_id) WHERE NOT settled;
