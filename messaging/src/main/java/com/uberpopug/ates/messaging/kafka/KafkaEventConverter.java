package com.uberpopug.ates.messaging.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.axonframework.eventhandling.EventData;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.axonframework.messaging.Headers;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.LazyDeserializingObject;
import org.axonframework.serialization.SerializedMessage;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Events to and from Kafka records in the extension's format. Records are written by the extension's converter;
 * they are read here, with the same result, at a third of the cost (docs/PERFORMANCE.md): every segment of every
 * Kafka-fed processor reads every record of its topics, so this is paid several times per event.
 *
 * <p>The extension's reader looks each header up by name, decoding every header's name again for each of ten
 * look-ups, and turns the metadata headers into JSON for the upcasters, which the handler's first look at the
 * metadata (the trace id, for every event) parses back. Here the headers are decoded once, and the metadata is
 * handed on as it is. The upcasters still see every event; ours change payloads only, and one that changed
 * metadata would still be applied to it.
 *
 * <p>A record that is no Axon event (no message id or type) is skipped, as by the extension. A record that is one
 * but cannot be read fails the read instead of being skipped in silence, so that no event goes missing unseen.
 */
final class KafkaEventConverter implements KafkaMessageConverter<String, byte[]> {

    private static final String METADATA_PREFIX = Headers.MESSAGE_METADATA + "-";
    /** The stored form the upcasters' representation is built from asks for metadata; ReadFromHeaders never reads it. */
    private static final byte[] NO_SERIALIZED_METADATA = "{}".getBytes(StandardCharsets.UTF_8);

    private final KafkaMessageConverter<String, byte[]> writer;
    private final Serializer serializer;
    private final EventUpcasterChain upcasters;

    KafkaEventConverter(KafkaMessageConverter<String, byte[]> writer, Serializer serializer, EventUpcasterChain upcasters) {
        this.writer = writer;
        this.serializer = serializer;
        this.upcasters = upcasters;
    }

    @Override
    public ProducerRecord<String, byte[]> createKafkaMessage(EventMessage<?> eventMessage, String topic) {
        return writer.createKafkaMessage(eventMessage, topic);
    }

    @Override
    public Optional<EventMessage<?>> readKafkaMessage(ConsumerRecord<String, byte[]> record) {
        Map<String, byte[]> headers = new HashMap<>();
        Map<String, Object> metaData = new HashMap<>();
        for (Header header : record.headers()) {
            String name = header.key();
            if (name.startsWith(METADATA_PREFIX)) {
                metaData.put(name.substring(METADATA_PREFIX.length()), text(header.value()));
            } else {
                headers.put(name, header.value());
            }
        }
        if (!headers.containsKey(Headers.MESSAGE_ID) || !headers.containsKey(Headers.MESSAGE_TYPE)) {
            return Optional.empty();
        }
        String aggregateType = text(headers.get(Headers.AGGREGATE_TYPE));
        String aggregateId = text(headers.get(Headers.AGGREGATE_ID));
        Long sequence = number(headers.get(Headers.AGGREGATE_SEQ));
        long timestamp = number(headers.get(Headers.MESSAGE_TIMESTAMP));
        EventData<byte[]> stored = new GenericDomainEventEntry<>(aggregateType, aggregateId, sequence == null ? 0 : sequence,
                text(headers.get(Headers.MESSAGE_ID)), timestamp, text(headers.get(Headers.MESSAGE_TYPE)),
                text(headers.get(Headers.MESSAGE_REVISION)), record.value(), NO_SERIALIZED_METADATA);
        return upcasters.upcast(Stream.of(new ReadFromHeaders(stored, MetaData.from(metaData), serializer)))
                .findFirst()
                .map(upcasted -> {
                    SerializedMessage<?> message = new SerializedMessage<>(upcasted.getMessageIdentifier(),
                            new LazyDeserializingObject<>(upcasted.getData(), serializer), upcasted.getMetaData());
                    return aggregateType != null && aggregateId != null && sequence != null
                            ? new GenericDomainEventMessage<>(aggregateType, aggregateId, sequence, message,
                                    () -> Instant.ofEpochMilli(timestamp))
                            : new GenericEventMessage<>(message, () -> Instant.ofEpochMilli(timestamp));
                });
    }

    private static String text(byte[] value) {
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }

    private static Long number(byte[] value) {
        return value == null ? null : ByteBuffer.wrap(value).getLong();
    }

    /** An event as the upcasters see it, with the metadata the headers carried instead of a serialized form. */
    private static final class ReadFromHeaders extends InitialEventRepresentation {

        private final LazyDeserializingObject<MetaData> metaData;

        ReadFromHeaders(EventData<?> stored, MetaData metaData, Serializer serializer) {
            super(stored, serializer);
            this.metaData = new LazyDeserializingObject<>(metaData);
        }

        @Override
        public LazyDeserializingObject<MetaData> getMetaData() {
            return metaData;
        }
    }
}
