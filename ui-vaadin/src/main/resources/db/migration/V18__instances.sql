-- The application instances that run processors, each touching its row every few seconds: how many are alive
-- tells each instance its share of every processor's segments (SegmentBalancer).
CREATE TABLE ates_instances (
    instance   TEXT PRIMARY KEY,
    started_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    seen_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
