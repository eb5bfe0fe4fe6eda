package com.uberpopug.ates.messaging.kafka;

import com.uberpopug.ates.api.tasks.AssignmentReason;
import com.uberpopug.ates.api.tasks.TaskAssigned;
import com.uberpopug.ates.api.tasks.TaskCreated;
import com.uberpopug.ates.app.AtesSpringTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.extensions.kafka.eventhandling.DefaultKafkaMessageConverter;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.axonframework.messaging.Headers;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application reads Kafka records with {@link KafkaEventConverter}: the same events as the extension's
 * converter reads from the same records, the old revision of {@code TaskCreated} upcast on the way.
 */
@AtesSpringTest
class KafkaEventConverterTest {

    private static final String TOPIC = "ates.tasks";

    @Autowired
    KafkaMessageConverter<String, byte[]> converter;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer serializer;
    @Autowired
    org.axonframework.config.Configuration axon;

    @Test
    void theApplicationReadsWithIt() {
        assertThat(converter).isInstanceOf(KafkaEventConverter.class);
    }

    @Test
    void aDomainEventReadsAsTheExtensionReadsIt() {
        EventMessage<?> event = new GenericDomainEventMessage<>("Task", UUID.randomUUID().toString(), 3,
                new TaskAssigned(UUID.randomUUID(), UUID.randomUUID(), AssignmentReason.SHUFFLE),
                MetaData.with("traceId", "4bf92f3577b34da6a3ce929d0e0e4736").and("userId", "admin"));

        DomainEventMessage<?> ours = (DomainEventMessage<?>) read(converter, event);
        DomainEventMessage<?> extensions = (DomainEventMessage<?>) read(extensionsConverter(), event);

        assertThat(ours.getPayload()).isEqualTo(event.getPayload()).isEqualTo(extensions.getPayload());
        assertThat(ours.getIdentifier()).isEqualTo(event.getIdentifier());
        assertThat(ours.getTimestamp()).as("to the millisecond, as the header carries it")
                .isEqualTo(extensions.getTimestamp()).isEqualTo(event.getTimestamp().truncatedTo(ChronoUnit.MILLIS));
        assertThat(ours.getMetaData()).isEqualTo(extensions.getMetaData())
                .containsEntry("traceId", "4bf92f3577b34da6a3ce929d0e0e4736").containsEntry("userId", "admin");
        assertThat(ours.getAggregateIdentifier()).isEqualTo(extensions.getAggregateIdentifier());
        assertThat(ours.getType()).isEqualTo("Task");
        assertThat(ours.getSequenceNumber()).isEqualTo(3);
    }

    @Test
    void anEventOfNoAggregateReadsAsOneOfNoAggregate() {
        EventMessage<?> event = GenericEventMessage.asEventMessage(
                new TaskCreated(UUID.randomUUID(), "Fix beak", "UP-42", "")).andMetaData(Map.of("traceId", "t-1"));

        EventMessage<?> ours = read(converter, event);

        assertThat(ours).isNotInstanceOf(DomainEventMessage.class);
        assertThat(ours.getPayload()).isEqualTo(event.getPayload());
        assertThat(ours.getMetaData()).isEqualTo(read(extensionsConverter(), event).getMetaData());
    }

    @Test
    void revisionOneOfTaskCreatedIsUpcast() {
        UUID taskId = UUID.randomUUID();
        ProducerRecord<String, byte[]> written = converter.createKafkaMessage(new GenericDomainEventMessage<>("Task",
                taskId.toString(), 0, new TaskCreated(taskId, "placeholder", null, "")), TOPIC);
        RecordHeaders headers = new RecordHeaders(written.headers().toArray());
        headers.remove(Headers.MESSAGE_REVISION);
        headers.add(Headers.MESSAGE_REVISION, "1".getBytes(StandardCharsets.UTF_8));
        byte[] revision1 = ("{\"taskId\":\"" + taskId + "\",\"title\":\"[UP-42] Fix beak\"}").getBytes(StandardCharsets.UTF_8);

        EventMessage<?> read = converter.readKafkaMessage(consumed(written.key(), revision1, headers)).orElseThrow();

        assertThat(read.getPayload()).isEqualTo(new TaskCreated(taskId, "Fix beak", "UP-42", ""));
    }

    @Test
    void aRecordThatIsNoAxonEventIsSkipped() {
        assertThat(converter.readKafkaMessage(consumed("key", "{}".getBytes(StandardCharsets.UTF_8), new RecordHeaders())))
                .isEmpty();
    }

    private KafkaMessageConverter<String, byte[]> extensionsConverter() {
        return DefaultKafkaMessageConverter.builder().serializer(serializer).upcasterChain(axon.upcasterChain()).build();
    }

    private EventMessage<?> read(KafkaMessageConverter<String, byte[]> reader, EventMessage<?> event) {
        ProducerRecord<String, byte[]> written = converter.createKafkaMessage(event, TOPIC);
        Optional<EventMessage<?>> read = reader.readKafkaMessage(consumed(written.key(), written.value(),
                new RecordHeaders(written.headers().toArray())));
        return read.orElseThrow();
    }

    private static ConsumerRecord<String, byte[]> consumed(String key, byte[] value, RecordHeaders headers) {
        return new ConsumerRecord<>(TOPIC, 0, 0, 0L, TimestampType.CREATE_TIME, 0, value.length, key, value, headers,
                Optional.empty());
    }
}
