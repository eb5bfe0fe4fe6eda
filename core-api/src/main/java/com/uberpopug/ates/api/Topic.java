package com.uberpopug.ates.api;

import java.util.Arrays;

/**
 * The Kafka topics between the bounded contexts: one per context, keyed by aggregate id so that
 * the events of one aggregate stay in order.
 */
public enum Topic {
    IDENTITY("ates.identity", "com.uberpopug.ates.api.identity"),
    TASKS("ates.tasks", "com.uberpopug.ates.api.tasks"),
    ACCOUNTING("ates.accounting", "com.uberpopug.ates.api.accounting");

    private final String topicName;
    private final String eventPackage;

    Topic(String topicName, String eventPackage) {
        this.topicName = topicName;
        this.eventPackage = eventPackage;
    }

    public String topicName() {
        return topicName;
    }

    /** The topic that carries events of this type: the one of the context whose package holds it. */
    public static Topic of(Class<?> eventType) {
        String pkg = eventType.getPackageName();
        return Arrays.stream(values())
                .filter(topic -> pkg.equals(topic.eventPackage) || pkg.startsWith(topic.eventPackage + "."))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        eventType.getName() + " belongs to no context: events live under com.uberpopug.ates.api.<context>"));
    }
}
