package com.uberpopug.ates.messaging.processors;

/** Where a processor reads its events from, as operators read it (the CLI and the System page print the label). */
public enum ProcessorSource {
    /** A subscribing processor: it runs inside the command's transaction, with no position and no lag. */
    COMMAND_TRANSACTION("command transaction"),
    EVENT_STORE("event store"),
    KAFKA("kafka");

    private final String label;

    ProcessorSource(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
