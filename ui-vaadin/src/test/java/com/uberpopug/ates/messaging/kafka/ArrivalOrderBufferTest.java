package com.uberpopug.ates.messaging.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.Buffer;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.KafkaEventMessage;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.KafkaTrackingToken;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.SortedKafkaMessageBuffer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The buffer between Kafka and the tracking processors. The first test shows the defect of the extension's
 * sorted buffer that lost a TaskAssigned in a CI run: two records of different topics, same partition,
 * offset and millisecond, and only one survives.
 */
class ArrivalOrderBufferTest {

    private static final long SAME_MILLISECOND = 1_795_604_854_371L;

    @Test
    void theExtensionsSortedBufferLosesOneOfTwoRecordsThatDifferOnlyInTheirTopic() throws Exception {
        SortedKafkaMessageBuffer<KafkaEventMessage> sorted = new SortedKafkaMessageBuffer<>(100);
        sorted.putAll(List.of(record("ates.tasks", "TaskCompleted"), record("ates.accounting", "AccountDebited")));
        assertThat(sorted.size()).as("the defect this buffer replaces").isEqualTo(1);
    }

    @Test
    void everyRecordIsDeliveredInArrivalOrder() throws Exception {
        Buffer<KafkaEventMessage> buffer = new ArrivalOrderBuffer<>(100);
        buffer.putAll(List.of(record("ates.tasks", "TaskCompleted"), record("ates.accounting", "AccountDebited")));

        assertThat(buffer.size()).isEqualTo(2);
        assertThat(buffer.take().value().getPayload()).isEqualTo("TaskCompleted");
        assertThat(buffer.poll(1, TimeUnit.SECONDS).value().getPayload()).isEqualTo("AccountDebited");
        assertThat(buffer.poll(10, TimeUnit.MILLISECONDS)).as("nothing more").isNull();
        assertThat(buffer.isEmpty()).isTrue();
    }

    @Test
    void peekShowsTheNextWithoutTakingIt() throws Exception {
        Buffer<String> buffer = new ArrivalOrderBuffer<>(10);
        buffer.put("first");
        buffer.put("second");
        assertThat(buffer.peek()).isEqualTo("first");
        assertThat(buffer.take()).isEqualTo("first");
        assertThat(buffer.remainingCapacity()).isEqualTo(9);
    }

    @Test
    void aFetcherFailureReachesTheReaderOnceTheRecordsBeforeItAreTaken() throws Exception {
        Buffer<String> buffer = new ArrivalOrderBuffer<>(10);
        buffer.put("fetched before the failure");
        buffer.setException(new IllegalStateException("broker gone"));

        assertThat(buffer.take()).isEqualTo("fetched before the failure");
        assertThatThrownBy(() -> buffer.poll(50, TimeUnit.MILLISECONDS)).hasMessage("broker gone");
        assertThatThrownBy(buffer::take).hasMessage("broker gone");
    }

    /** A record as the consumer converts it: partition 1, offset 38, the given topic, one shared millisecond. */
    private static KafkaEventMessage record(String topic, String payload) {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(topic, 1, 38, SAME_MILLISECOND, TimestampType.CREATE_TIME,
                0, 0, "key", new byte[0], new RecordHeaders(), Optional.empty());
        return KafkaEventMessage.from(GenericEventMessage.asEventMessage(payload), record,
                KafkaTrackingToken.newInstance(Map.of()));
    }
}
