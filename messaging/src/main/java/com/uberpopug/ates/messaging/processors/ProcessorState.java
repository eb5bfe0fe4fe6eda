package com.uberpopug.ates.messaging.processors;

/** What a processor is doing, as operators read it. */
public enum ProcessorState {
    RUNNING("running"),
    /** Running with a replay token while it is behind: rebuilding its read models. */
    REPLAYING("replaying"),
    /** Held by a replay on some instance (see {@link ProcessorStatus#pausedBy()}). */
    PAUSED("paused"),
    ERROR("error"),
    /** Its token is claimed by an owner that stopped touching it. */
    STALE_CLAIM("stale claim"),
    STOPPED("stopped");

    private final String label;

    ProcessorState(String label) {
        this.label = label;
    }

    /** Handling events now. */
    public boolean working() {
        return this == RUNNING || this == REPLAYING;
    }

    /** Needs an operator to look at it. */
    public boolean needsOperator() {
        return this == ERROR || this == STALE_CLAIM;
    }

    @Override
    public String toString() {
        return label;
    }
}
