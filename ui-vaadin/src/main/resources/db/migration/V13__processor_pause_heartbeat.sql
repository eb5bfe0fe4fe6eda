-- The pausing process (a replay) touches its pauses every second; a pause it stopped touching (the
-- process was killed) is no longer honoured, so a dead replay cannot keep a processor stopped.
ALTER TABLE ates_processor_pauses ADD COLUMN heartbeat TIMESTAMPTZ NOT NULL DEFAULT now();
