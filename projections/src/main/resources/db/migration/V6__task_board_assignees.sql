-- The board names assignees from its own replica of identity (fed from ates.identity on Kafka), joined at
-- query time: a task's TaskAssigned may arrive before its assignee's PopugRegistered (different topics).
ALTER TABLE task_board DROP COLUMN assignee_name;

CREATE TABLE task_board_popugs (
    popug_id  UUID         PRIMARY KEY,
    username  VARCHAR(32)  NOT NULL,
    full_name VARCHAR(200) NOT NULL
);

-- "My tasks" and the assignee filter: one popug's tasks of one status, newest first.
DROP INDEX task_board_assignee_idx;
CREATE INDEX task_board_assignee_idx ON task_board (assignee_id, status, created_at DESC, task_id);
CREATE INDEX task_board_status_idx ON task_board (status, created_at DESC, task_id);
