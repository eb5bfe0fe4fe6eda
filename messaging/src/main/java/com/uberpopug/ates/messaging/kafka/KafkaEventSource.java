package com.uberpopug.ates.messaging.kafka;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.axonframework.common.Registration;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.axonframework.extensions.kafka.eventhandling.consumer.ConsumerFactory;
import org.axonframework.extensions.kafka.eventhandling.consumer.ConsumerSeekUtil;
import org.axonframework.extensions.kafka.eventhandling.consumer.Fetcher;
import org.axonframework.extensions.kafka.eventhandling.consumer.TopicListSubscriber;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.Buffer;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.KafkaEventMessage;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.KafkaMessageStream;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.KafkaTrackingToken;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.TrackingRecordConverter;
import org.axonframework.messaging.StreamableMessageSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A tracking processor's stream of events from some Kafka topics, with Kafka tracking tokens: what the
 * extension's {@code StreamableKafkaMessageSource} does, made of the extension's own parts. Not that class
 * itself: its builder links XStream, which is kept off the class path (nothing may read objects that
 * stored data names). Positions in a token are the offsets of the last records handled; the tail (where a
 * new or reset processor starts) is the interface's null token, as with the extension's class.
 */
final class KafkaEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private final TopicListSubscriber topics;
    private final ConsumerFactory<String, byte[]> consumers;
    private final Fetcher<String, byte[], KafkaEventMessage> fetcher;
    private final KafkaMessageConverter<String, byte[]> converter;
    private final Supplier<Buffer<KafkaEventMessage>> buffers;

    KafkaEventSource(List<String> topics, ConsumerFactory<String, byte[]> consumers,
                     Fetcher<String, byte[], KafkaEventMessage> fetcher, KafkaMessageConverter<String, byte[]> converter,
                     Supplier<Buffer<KafkaEventMessage>> buffers) {
        this.topics = new TopicListSubscriber(topics);
        this.consumers = consumers;
        this.fetcher = fetcher;
        this.converter = converter;
        this.buffers = buffers;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken token) {
        TrackingRecordConverter<String, byte[]> records = new TrackingRecordConverter<>(converter, KafkaTrackingToken.from(token));
        Consumer<String, byte[]> consumer = consumers.createConsumer(null);
        ConsumerSeekUtil.seekToCurrentPositions(consumer, records::currentToken, topics);
        Buffer<KafkaEventMessage> buffer = buffers.get();
        Registration stop = fetcher.poll(consumer, records, buffer::putAll, buffer::setException);
        return new KafkaMessageStream(buffer, stop);
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
