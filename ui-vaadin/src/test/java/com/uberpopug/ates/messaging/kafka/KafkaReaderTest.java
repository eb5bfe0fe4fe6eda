package com.uberpopug.ates.messaging.kafka;

import com.uberpopug.ates.testsupport.IsolatedServices;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.extensions.kafka.eventhandling.DefaultKafkaMessageConverter;
import org.axonframework.extensions.kafka.eventhandling.consumer.ConsumerFactory;
import org.axonframework.extensions.kafka.eventhandling.consumer.DefaultConsumerFactory;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.KafkaTrackingToken;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The streams a processor's segments open on one instance share one Kafka consumer ({@link KafkaReader}), on the
 * real Kafka, with a topic of this test's own in two partitions. Each stream gets every record after its own
 * positions exactly once, with tokens of its own, wherever the others are.
 */
class KafkaReaderTest {

    private static final JacksonSerializer SERIALIZER = JacksonSerializer.defaultSerializer();
    private static final KafkaEventConverter CONVERTER = new KafkaEventConverter(
            DefaultKafkaMessageConverter.builder().serializer(SERIALIZER).build(), SERIALIZER, new EventUpcasterChain());

    private static final DefaultConsumerFactory<String, byte[]> CONSUMERS = new DefaultConsumerFactory<>(Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, IsolatedServices.KAFKA,
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false));

    private final AtomicInteger consumersMade = new AtomicInteger();
    private String topic;

    @BeforeEach
    void topicWithTwoPartitions() throws Exception {
        topic = "ates-test.reader." + UUID.randomUUID();
        try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, IsolatedServices.KAFKA))) {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void eachStreamGetsEveryRecordAfterItsOwnPositionsOnceFromOneConsumer() throws Exception {
        send(0, 6);
        send(1, 4);
        KafkaEventSource source = source(1_000);
        BlockingStream<TrackedEventMessage<?>> first = source.openStream(null);
        BlockingStream<TrackedEventMessage<?>> behind = null;
        try {
            assertThat(payloads(read(first, 10))).containsExactlyInAnyOrder(
                    "p0-0", "p0-1", "p0-2", "p0-3", "p0-4", "p0-5", "p1-0", "p1-1", "p1-2", "p1-3");

            // A segment that has read partition 0 up to offset 2 and nothing of partition 1 joins behind the reader.
            behind = source.openStream(KafkaTrackingToken.newInstance(Map.of(new TopicPartition(topic, 0), 2L)));
            assertThat(payloads(read(behind, 7))).containsExactlyInAnyOrder(
                    "p0-3", "p0-4", "p0-5", "p1-0", "p1-1", "p1-2", "p1-3");
            assertNothingMore(first);

            send(0, 1);
            send(1, 1);
            List<TrackedEventMessage<?>> firstNew = read(first, 2);
            List<TrackedEventMessage<?>> behindNew = read(behind, 2);
            assertThat(payloads(firstNew)).containsExactlyInAnyOrder("p0-6", "p1-4");
            assertThat(payloads(behindNew)).containsExactlyInAnyOrder("p0-6", "p1-4");
            Map<TopicPartition, Long> end = Map.of(new TopicPartition(topic, 0), 6L, new TopicPartition(topic, 1), 4L);
            assertThat(((KafkaTrackingToken) firstNew.get(1).trackingToken()).getPositions()).isEqualTo(end);
            assertThat(((KafkaTrackingToken) behindNew.get(1).trackingToken()).getPositions()).isEqualTo(end);
            assertNothingMore(first);
            assertNothingMore(behind);
            assertThat(consumersMade).as("one consumer for both streams").hasValue(1);
        } finally {
            first.close();
            if (behind != null) {
                behind.close();
            }
        }
    }

    @Test
    void aStreamThatIsNotReadHoldsTheOthersBackUntilItIsClosed() throws Exception {
        send(0, 10);
        KafkaEventSource source = source(2);
        BlockingStream<TrackedEventMessage<?>> unread = source.openStream(null);
        BlockingStream<TrackedEventMessage<?>> read = source.openStream(null);
        try {
            List<TrackedEventMessage<?>> before = new ArrayList<>();
            while (read.hasNextAvailable(3, TimeUnit.SECONDS)) {
                before.add(read.nextAvailable());
            }
            assertThat(before).as("the reader waits while the other stream's buffer is full").hasSizeLessThan(10);

            unread.close();
            List<TrackedEventMessage<?>> after = read(read, 10 - before.size());
            assertThat(payloads(before, after)).containsExactly(
                    "p0-0", "p0-1", "p0-2", "p0-3", "p0-4", "p0-5", "p0-6", "p0-7", "p0-8", "p0-9");
        } finally {
            read.close();
        }
    }

    @Test
    void aReaderStopsWithItsLastStreamAndTheNextStreamHasANewOne() throws Exception {
        send(1, 3);
        KafkaEventSource source = source(1_000);
        BlockingStream<TrackedEventMessage<?>> first = source.openStream(null);
        List<TrackedEventMessage<?>> read = read(first, 2);
        assertThat(source.reading()).isTrue();
        first.close();
        await().atMost(Duration.ofSeconds(5)).until(() -> !source.reading());

        BlockingStream<TrackedEventMessage<?>> next = source.openStream(read.get(1).trackingToken());
        try {
            assertThat(payloads(read(next, 1))).containsExactly("p1-2");
            assertThat(consumersMade).hasValue(2);
        } finally {
            next.close();
        }
    }

    private KafkaEventSource source(int bufferSize) {
        ConsumerFactory<String, byte[]> counted = groupId -> {
            consumersMade.incrementAndGet();
            return CONSUMERS.createConsumer(groupId);
        };
        return new KafkaEventSource(List.of(topic), counted, CONVERTER, Duration.ofMillis(100), bufferSize);
    }

    private void send(int partition, int count) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, IsolatedServices.KAFKA), new StringSerializer(), new ByteArraySerializer())) {
            long offset = endOffset(partition);
            for (int i = 0; i < count; i++) {
                ProducerRecord<String, byte[]> record = CONVERTER.createKafkaMessage(
                        GenericEventMessage.asEventMessage("p" + partition + "-" + (offset + i)), topic);
                producer.send(new ProducerRecord<>(topic, partition, record.key(), record.value(), record.headers())).get();
            }
        }
    }

    private long endOffset(int partition) {
        try (Consumer<String, byte[]> consumer = CONSUMERS.createConsumer(null)) {
            TopicPartition of = new TopicPartition(topic, partition);
            return consumer.endOffsets(List.of(of)).get(of);
        }
    }

    private static List<TrackedEventMessage<?>> read(BlockingStream<TrackedEventMessage<?>> stream, int count)
            throws InterruptedException {
        List<TrackedEventMessage<?>> read = new ArrayList<>();
        while (read.size() < count && stream.hasNextAvailable(20, TimeUnit.SECONDS)) {
            read.add(stream.nextAvailable());
        }
        assertThat(read).hasSize(count);
        return read;
    }

    private static void assertNothingMore(BlockingStream<TrackedEventMessage<?>> stream) throws InterruptedException {
        assertThat(stream.hasNextAvailable(1_500, TimeUnit.MILLISECONDS)).as("nothing more").isFalse();
    }

    @SafeVarargs
    private static List<Object> payloads(List<TrackedEventMessage<?>>... lists) {
        List<Object> payloads = new ArrayList<>();
        for (List<TrackedEventMessage<?>> list : lists) {
            list.forEach(message -> payloads.add(message.getPayload()));
        }
        return payloads;
    }
}
