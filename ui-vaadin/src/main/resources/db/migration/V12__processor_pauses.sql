-- A processor named here is being replayed by one process (instance); every other instance stops its
-- copy of the processor, releasing its token claims, until the row is gone (ProcessorPauses).
CREATE TABLE ates_processor_pauses (
    processor VARCHAR(255) PRIMARY KEY,
    instance  VARCHAR(255) NOT NULL,
    paused_by VARCHAR(255) NOT NULL,
    since     TIMESTAMPTZ  NOT NULL DEFAULT now()
);
