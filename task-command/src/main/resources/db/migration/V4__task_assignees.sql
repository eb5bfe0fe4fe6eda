-- The task context's own replica of identity: who could be given a task. Fed from the ates.identity
-- Kafka topic (never by asking identity), rebuilt by replay, idempotent on redelivery.
CREATE TABLE task_assignees (
    popug_id UUID        PRIMARY KEY,
    username VARCHAR(32) NOT NULL,
    role     VARCHAR(16) NOT NULL,
    active   BOOLEAN     NOT NULL
);

CREATE INDEX task_assignees_eligible_idx ON task_assignees (popug_id) WHERE active AND role IN ('ACCOUNTANT', 'WORKER');
