-- Every popug, as identity last described them: a role change writes a new row with a higher version
-- (the event's time in milliseconds) and the newest wins; a redelivered event writes an identical row.
CREATE TABLE IF NOT EXISTS popugs (
    popug_id  String,
    username  String,
    full_name String,
    role      String,
    active    UInt8,
    version   UInt64
) ENGINE = ReplacingMergeTree(version)
ORDER BY popug_id
