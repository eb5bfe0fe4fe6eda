-- The task context's list of open tasks, written in the same transaction as TaskCreated / TaskCompleted
-- (subscribing processor). The shuffle pages through it by id instead of loading every task aggregate.
CREATE TABLE task_open_tasks (
    task_id UUID PRIMARY KEY
);

-- Tasks stored before this version were never completed (completion came with it): all are open.
INSERT INTO task_open_tasks (task_id)
SELECT DISTINCT aggregateidentifier::uuid FROM domainevententry WHERE type = 'Task';
