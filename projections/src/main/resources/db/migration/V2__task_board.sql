-- The task board read model, built from the ates.tasks Kafka topic. Disposable: replay rebuilds it.
CREATE TABLE task_board (
    task_id       UUID          PRIMARY KEY,
    title         VARCHAR(200)  NOT NULL,
    jira_id       VARCHAR(32),
    description   TEXT          NOT NULL DEFAULT '',
    status        VARCHAR(8)    NOT NULL DEFAULT 'open',
    assignee_id   UUID,
    assignee_name VARCHAR(200),
    created_at    TIMESTAMPTZ   NOT NULL,
    completed_at  TIMESTAMPTZ
);

CREATE INDEX task_board_created_idx ON task_board (created_at DESC, task_id);
CREATE INDEX task_board_assignee_idx ON task_board (assignee_id, status);
