package com.uberpopug.ates.messaging.kafka;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.axonframework.extensions.kafka.eventhandling.consumer.ConsumerFactory;
import org.axonframework.extensions.kafka.eventhandling.consumer.ConsumerSeekUtil;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.KafkaTrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A tracking processor's stream of events from some Kafka topics, with Kafka tracking tokens, as the extension's
 * {@code StreamableKafkaMessageSource} gives (not that class itself: its builder links XStream, which is kept off
 * the class path; nothing may read objects that stored data names). Positions in a token are the offsets of the
 * last records handled; the tail (where a new or reset processor starts) is the interface's null token, as with
 * the extension's class.
 *
 * <p>Each processor has a source of its own (the beans are prototypes), and the streams its segments open on this
 * instance share one {@link KafkaReader}: the topics are fetched and read once per processor and instance, not once
 * per segment.
 */
final class KafkaEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private final List<String> topics;
    private final ConsumerFactory<String, byte[]> consumers;
    private final KafkaMessageConverter<String, byte[]> converter;
    private final Duration pollTimeout;
    private final int bufferSize;
    private KafkaReader reader;

    KafkaEventSource(List<String> topics, ConsumerFactory<String, byte[]> consumers,
                     KafkaMessageConverter<String, byte[]> converter, Duration pollTimeout, int bufferSize) {
        this.topics = topics;
        this.consumers = consumers;
        this.converter = converter;
        this.pollTimeout = pollTimeout;
        this.bufferSize = bufferSize;
    }

    @Override
    public synchronized BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken token) {
        KafkaTrackingToken from = KafkaTrackingToken.from(token);
        if (reader != null) {
            var joined = reader.open(from);
            if (joined.isPresent()) {
                return joined.get();
            }
        }
        reader = new KafkaReader(topics, consumers, converter, pollTimeout, bufferSize);
        return reader.open(from).orElseThrow(); // a new reader stops only once a stream has closed
    }

    /** Whether a reader is open for this processor's streams (none while no segment reads). */
    synchronized boolean reading() {
        return reader != null && !reader.stopped();
    }

    /**
     * Just after the last record of every partition. Axon starts a processor that has no token yet from the
     * tail, with the events up to this head marked as a replay.
     */
    @Override
    public TrackingToken createHeadToken() {
        try (Consumer<String, byte[]> consumer = consumers.createConsumer(null)) {
            Map<TopicPartition, Long> lastOffsets = new HashMap<>();
            consumer.endOffsets(ConsumerSeekUtil.topicPartitions(consumer, topics)).forEach((partition, end) -> {
                if (end > 0) {
                    lastOffsets.put(partition, end - 1);
                }
            });
            return KafkaTrackingToken.newInstance(lastOffsets);
        }
    }
}
