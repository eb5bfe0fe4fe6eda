package com.uberpopug.ates.app.bench;

import com.uberpopug.ates.api.tasks.AssignmentReason;
import com.uberpopug.ates.api.tasks.TaskAssigned;
import com.uberpopug.ates.app.AtesSpringTest;
import com.uberpopug.ates.testsupport.Machine;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.extensions.kafka.eventhandling.DefaultKafkaMessageConverter;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What reading a Kafka record into an event costs, in the thread that fetches for one segment of a Kafka-fed
 * processor: the application's reader ({@code KafkaEventConverter}) against the extension's
 * ({@code DefaultKafkaMessageConverter}, the baseline), on the same records in the same run. Each record is read
 * as a segment reads it: converted, then its aggregate id (the segment's share) and its trace id (the first thing
 * a handler looks at) asked for; the payload, which only the segment that handles the event reads, is not.
 * Records are {@code TaskAssigned} events with the metadata the application gives every event. Rounds alternate
 * between the two readers; the best round of each is printed. Asserts nothing about time.
 *
 * <p>Run: {@code ./ates bench kafka-read} (RECORDS=n, 200,000 by default).
 */
@Tag("benchmark")
@AtesSpringTest
class KafkaReadBenchmark {

    private static final int ROUNDS = 7;

    @Autowired
    KafkaMessageConverter<String, byte[]> converter;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer serializer;
    @Autowired
    org.axonframework.config.Configuration axon;

    @Value("${ates.bench.records:200000}")
    int records;

    @Test
    void readingRecordsIntoEvents() {
        KafkaMessageConverter<String, byte[]> extensions = DefaultKafkaMessageConverter.builder()
                .serializer(serializer).upcasterChain(axon.upcasterChain()).build();
        List<ConsumerRecord<String, byte[]>> fetched = fetched(Math.min(records, 20_000));

        double best = 0;
        double baseline = 0;
        for (int round = 0; round < ROUNDS; round++) {
            baseline = Math.max(baseline, recordsPerSecond(extensions, fetched));
            best = Math.max(best, recordsPerSecond(converter, fetched));
        }

        System.out.println(String.join("\n",
                "",
                "=== Kafka read benchmark ===",
                "machine:  " + Machine.describe(),
                String.format("records:  %,d TaskAssigned records per round (%,d distinct), %d rounds each, alternating; best round",
                        records, fetched.size(), ROUNDS),
                String.format("RESULT:   the application's reader (%s): %,12.0f records/s", converter.getClass().getSimpleName(), best),
                String.format("baseline: the extension's reader (DefaultKafkaMessageConverter): %,12.0f records/s", baseline),
                String.format("          %.2f times the baseline; %.2f µs per record against %.2f µs",
                        best / baseline, 1e6 / best, 1e6 / baseline),
                ""));
    }

    private double recordsPerSecond(KafkaMessageConverter<String, byte[]> reader, List<ConsumerRecord<String, byte[]>> fetched) {
        long checksum = 0;
        long start = System.nanoTime();
        for (int i = 0; i < records; i++) {
            Optional<EventMessage<?>> read = reader.readKafkaMessage(fetched.get(i % fetched.size()));
            DomainEventMessage<?> event = (DomainEventMessage<?>) read.orElseThrow();
            checksum += event.getAggregateIdentifier().length() + event.getMetaData().get("traceId").toString().length()
                    + event.getPayloadType().getName().length();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (checksum == 0) {
            throw new IllegalStateException("nothing was read");
        }
        return records / seconds;
    }

    private List<ConsumerRecord<String, byte[]>> fetched(int distinct) {
        List<ConsumerRecord<String, byte[]>> fetched = new ArrayList<>(distinct);
        for (int i = 0; i < distinct; i++) {
            UUID taskId = UUID.randomUUID();
            EventMessage<?> event = new GenericDomainEventMessage<>("Task", taskId.toString(), 1,
                    new TaskAssigned(taskId, UUID.randomUUID(), AssignmentReason.CREATED),
                    MetaData.with("traceId", UUID.randomUUID().toString().replace("-", ""))
                            .and("correlationId", UUID.randomUUID().toString()));
            ProducerRecord<String, byte[]> written = converter.createKafkaMessage(event, "ates.tasks");
            fetched.add(new ConsumerRecord<>("ates.tasks", i % 3, i, 0L, TimestampType.CREATE_TIME, 0,
                    written.value().length, written.key(), written.value(), new RecordHeaders(written.headers().toArray()),
                    Optional.empty()));
        }
        return fetched;
    }
}
