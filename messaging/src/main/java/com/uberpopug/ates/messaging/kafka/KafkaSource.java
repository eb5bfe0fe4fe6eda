package com.uberpopug.ates.messaging.kafka;

import com.uberpopug.ates.api.Topic;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The Kafka message sources a processor can read from ({@code axon.eventhandling.processors.NAME.source}
 * names the bean), each subscribed to the context topics its processors need and no more: a processor
 * that reads a topic none of its handlers cares about still fetches, converts and skips every record of it
 * (the board would skip accounting's half of the stream on every replay).
 */
public enum KafkaSource {
    /** Accounting's views: every context. */
    ALL_CONTEXTS("streamableKafkaMessageSource", Topic.IDENTITY, Topic.TASKS, Topic.ACCOUNTING),
    /** Analytics: every context, in batches that Kafka fills for up to {@code ates.kafka.batched-source.max-wait}. */
    ALL_CONTEXTS_IN_BATCHES("batchedKafkaMessageSource", Topic.IDENTITY, Topic.TASKS, Topic.ACCOUNTING),
    /** The board and accounting's money handlers: tasks and the popugs they go to. */
    TASKS_AND_IDENTITY("tasksAndIdentityKafkaSource", Topic.IDENTITY, Topic.TASKS),
    /** The task context's replica of who may get tasks. */
    IDENTITY("identityKafkaSource", Topic.IDENTITY);

    private final String beanName;
    private final List<Topic> topics;

    KafkaSource(String beanName, Topic... topics) {
        this.beanName = beanName;
        this.topics = List.of(topics);
    }

    public List<Topic> topics() {
        return topics;
    }

    /** The source a processor's {@code source} property names; empty for a bean that is no Kafka source of ours. */
    public static Optional<KafkaSource> named(String beanName) {
        return Arrays.stream(values()).filter(source -> source.beanName.equals(beanName)).findFirst();
    }
}
