package com.uberpopug.ates.messaging.kafka;

import com.uberpopug.ates.api.Topic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.List;

/**
 * The names of the context topics on this Kafka cluster. A prefix ({@code ates.kafka.topic-prefix},
 * empty by default) lets several installations, or test runs, share one cluster.
 */
@Component
public class KafkaTopics {

    private final String prefix;

    KafkaTopics(@Value("${ates.kafka.topic-prefix:}") String prefix) {
        this.prefix = prefix;
    }

    public String name(Topic topic) {
        return prefix + topic.topicName();
    }

    public String nameFor(Class<?> eventType) {
        return name(Topic.of(eventType));
    }

    public List<String> all() {
        return Arrays.stream(Topic.values()).map(this::name).toList();
    }

    /** The topics a Kafka message source reads. */
    public List<String> of(KafkaSource source) {
        return source.topics().stream().map(this::name).toList();
    }
}
