-- Each popug who may get tasks holds one slot: 0 .. n - 1, none left empty. A task's assignee is drawn with two
-- look-ups of this index (the highest slot, then the slot drawn) instead of counting the eligible popugs and
-- skipping through them to the one drawn, which read every one of them for each new task (1.1 ms of PostgreSQL
-- per task at 10,000 popugs). TaskAssignees keeps the slots dense as popugs come, change role and leave.
ALTER TABLE task_assignees ADD COLUMN slot INTEGER;

UPDATE task_assignees t SET slot = ranked.slot
FROM (SELECT popug_id, row_number() OVER (ORDER BY popug_id) - 1 AS slot
      FROM task_assignees WHERE active AND role IN ('ACCOUNTANT', 'WORKER')) ranked
WHERE t.popug_id = ranked.popug_id;

CREATE UNIQUE INDEX task_assignees_slot_idx ON task_assignees (slot);

ALTER TABLE task_assignees ADD CONSTRAINT task_assignees_slot_when_eligible
    CHECK ((slot IS NOT NULL) = (active AND role IN ('ACCOUNTANT', 'WORKER')));

-- Eligible popugs are found by their slot now.
DROP INDEX task_assignees_eligible_idx;
