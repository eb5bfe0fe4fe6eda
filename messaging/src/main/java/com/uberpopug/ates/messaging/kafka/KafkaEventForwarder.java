package com.uberpopug.ates.messaging.kafka;

import com.uberpopug.ates.messaging.api.PerBatch;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.axonframework.messaging.EventPublicationFailedException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Streams every event of the event store to its context's Kafka topic, at least once.
 *
 * <p>It runs in a tracking processor that reads the PostgreSQL event store, so while Kafka is down
 * events simply wait. Unlike Axon's {@code KafkaPublisher}, which blocks for each event's
 * acknowledgement (about 500 events/s here), it sends a whole processor batch asynchronously and
 * waits for all acknowledgements once, before the batch's token is stored: a failed send rolls the
 * batch back and it is sent again. See docs/adr/0003-kafka-publisher.md.
 */
@ProcessingGroup(KafkaEventForwarder.PROCESSING_GROUP)
public class KafkaEventForwarder {

    public static final String PROCESSING_GROUP = "kafka-publisher";
    private static final String PENDING = KafkaEventForwarder.class.getName() + ".pending";

    private final Producer<String, byte[]> producer;
    private final KafkaMessageConverter<String, byte[]> converter;
    private final KafkaTopics topics;
    private final Duration ackTimeout;

    public KafkaEventForwarder(Producer<String, byte[]> producer, KafkaMessageConverter<String, byte[]> converter,
                               KafkaTopics topics, Duration ackTimeout) {
        this.producer = producer;
        this.converter = converter;
        this.topics = topics;
        this.ackTimeout = ackTimeout;
    }

    /** Every event; its payload is passed on as stored, never deserialized here. */
    @EventHandler(payloadType = Object.class)
    void forward(EventMessage<?> event) {
        String topic = topics.nameFor(event.getPayloadType());
        Future<RecordMetadata> sent = producer.send(converter.createKafkaMessage(event, topic));
        PerBatch.resource(PENDING, ArrayList<Future<RecordMetadata>>::new, this::awaitAll)
                .ifPresentOrElse(pending -> pending.add(sent), () -> awaitAll(List.of(sent)));
    }

    private void awaitAll(List<Future<RecordMetadata>> pending) {
        long deadline = System.nanoTime() + ackTimeout.toNanos();
        try {
            for (Future<RecordMetadata> sent : pending) {
                sent.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventPublicationFailedException("interrupted while waiting for Kafka to acknowledge", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new EventPublicationFailedException(
                    "Kafka did not acknowledge " + pending.size() + " events; the batch will be sent again", e);
        }
    }
}
