package com.uberpopug.ates.messaging.kafka;

import com.uberpopug.ates.app.AtesSpringTest;
import com.uberpopug.ates.testsupport.IsolatedServices;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.KafkaTrackingToken;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tokens of a Kafka source, on a topic of this test's own with two partitions and one record in each. A
 * pooled processor starts one stream for all its segments from the lower bound of their tokens; a segment that
 * has read one partition but not yet the other must get the other's first record from that stream.
 */
@AtesSpringTest
class KafkaEventSourceTest {

    @Autowired
    KafkaConfiguration.KafkaSourceParts parts;
    @Autowired
    KafkaMessageConverter<String, byte[]> converter;

    @Test
    void theLowerBoundOfATokenThatHasNotReadAPartitionYetStartsThatPartitionFromItsFirstRecord() throws Exception {
        String topic = topicWithOneRecordInEachOfTwoPartitions();
        KafkaEventSource source = parts.sourceOf(List.of(topic), Map.of());

        List<TrackedEventMessage<?>> read = readFrom(source, null, 2);
        KafkaTrackingToken afterFirst = (KafkaTrackingToken) read.get(0).trackingToken();
        KafkaTrackingToken afterBoth = (KafkaTrackingToken) read.get(1).trackingToken();
        KafkaTrackingToken lowerBound = (KafkaTrackingToken) afterBoth.lowerBound(afterFirst);
        List<TrackedEventMessage<?>> again = readFrom(source, lowerBound, 1);

        assertThat(again.get(0).getPayload()).as("the record the first token had not read")
                .isEqualTo(read.get(1).getPayload());
        assertThat(afterFirst.getPositions()).as("the partition not read yet is named, at -1")
                .hasSize(2).containsValue(-1L).containsValue(0L);
    }

    @Test
    void theHeadNamesEveryPartition() throws Exception {
        String topic = topicWithOneRecordInEachOfTwoPartitions();
        KafkaTrackingToken head = (KafkaTrackingToken) parts.sourceOf(List.of(topic), Map.of()).createHeadToken();
        assertThat(head.getPositions()).containsExactlyInAnyOrderEntriesOf(
                Map.of(new TopicPartition(topic, 0), 0L, new TopicPartition(topic, 1), 0L));

        String empty = "ates-test.empty." + UUID.randomUUID();
        createTopic(empty);
        KafkaTrackingToken emptyHead = (KafkaTrackingToken) parts.sourceOf(List.of(empty), Map.of()).createHeadToken();
        assertThat(emptyHead.getPositions()).as("nothing read in either")
                .containsExactlyInAnyOrderEntriesOf(Map.of(new TopicPartition(empty, 0), -1L, new TopicPartition(empty, 1), -1L));
    }

    @Test
    void theStreamTellsItsReaderWhenEventsArrive() throws Exception {
        String topic = topicWithOneRecordInEachOfTwoPartitions();
        BlockingStream<TrackedEventMessage<?>> stream = parts.sourceOf(List.of(topic), Map.of()).openStream(null);
        try {
            CountDownLatch told = new CountDownLatch(1);
            assertThat(stream.setOnAvailableCallback(told::countDown)).isTrue();
            assertThat(told.await(20, TimeUnit.SECONDS)).isTrue();
            assertThat(stream.hasNextAvailable()).isTrue();
        } finally {
            stream.close();
        }
    }

    private static List<TrackedEventMessage<?>> readFrom(KafkaEventSource source, KafkaTrackingToken token, int count)
            throws InterruptedException {
        List<TrackedEventMessage<?>> read = new ArrayList<>();
        BlockingStream<TrackedEventMessage<?>> stream = source.openStream(token);
        try {
            while (read.size() < count && stream.hasNextAvailable(20, TimeUnit.SECONDS)) {
                read.add(stream.nextAvailable());
            }
            assertThat(stream.hasNextAvailable(500, TimeUnit.MILLISECONDS)).as("nothing more").isFalse();
        } finally {
            stream.close();
        }
        assertThat(read).hasSize(count);
        return read;
    }

    private String topicWithOneRecordInEachOfTwoPartitions() throws Exception {
        String topic = "ates-test.partitions." + UUID.randomUUID();
        createTopic(topic);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, IsolatedServices.KAFKA),
                new StringSerializer(), new ByteArraySerializer())) {
            for (int partition = 0; partition < 2; partition++) {
                ProducerRecord<String, byte[]> record = converter.createKafkaMessage(
                        GenericEventMessage.asEventMessage("record of partition " + partition), topic);
                producer.send(new ProducerRecord<>(topic, partition, record.key(), record.value(), record.headers())).get();
            }
        }
        return topic;
    }

    private static void createTopic(String name) throws Exception {
        try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, IsolatedServices.KAFKA))) {
            admin.createTopics(List.of(new NewTopic(name, 2, (short) 1))).all().get(10, TimeUnit.SECONDS);
        }
    }
}
