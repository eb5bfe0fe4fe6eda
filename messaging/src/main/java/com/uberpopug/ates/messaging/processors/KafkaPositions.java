package com.uberpopug.ates.messaging.processors;

import com.uberpopug.ates.messaging.kafka.KafkaTopics;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Where the context topics end, and when a given record was written: what Kafka-fed lag is measured against. */
@Component
public class KafkaPositions implements DisposableBean {

    private final KafkaTopics topics;
    private final AdminClient admin;
    private final KafkaConsumer<String, byte[]> reader;

    KafkaPositions(KafkaTopics topics, KafkaAdmin kafkaAdmin) {
        this.topics = topics;
        this.admin = AdminClient.create(kafkaAdmin.getConfigurationProperties());
        Properties consumer = new Properties();
        consumer.putAll(kafkaAdmin.getConfigurationProperties());
        consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "50");
        this.reader = new KafkaConsumer<>(consumer, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** The offset the next record of each partition of the context topics will get. */
    public Map<TopicPartition, Long> ends() {
        return ends(topics.all());
    }

    /** The offset the next record of each partition of these topics will get. */
    Map<TopicPartition, Long> ends(Collection<String> topicNames) {
        try {
            Map<String, TopicDescription> described = admin.describeTopics(topicNames).allTopicNames()
                    .get(10, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = described.values().stream()
                    .flatMap(topic -> topic.partitions().stream().map(p -> new TopicPartition(topic.name(), p.partition())))
                    .collect(Collectors.toMap(Function.identity(), partition -> OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all()
                    .get(10, TimeUnit.SECONDS);
            Map<TopicPartition, Long> result = new HashMap<>();
            ends.forEach((partition, info) -> result.put(partition, info.offset()));
            return result;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while asking Kafka for its offsets", interrupted);
        } catch (ExecutionException | TimeoutException unreachable) {
            throw new IllegalStateException("Kafka did not tell its offsets: " + unreachable.getMessage(), unreachable);
        }
    }

    /** When the oldest of the given records (partition, offset) was written; null when none is readable. */
    synchronized Instant oldestOf(Map<TopicPartition, Long> firstUnread) {
        if (firstUnread.isEmpty()) {
            return null;
        }
        reader.assign(List.copyOf(firstUnread.keySet()));
        firstUnread.forEach(reader::seek);
        Map<TopicPartition, Long> seen = new HashMap<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (seen.size() < firstUnread.size() && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> record : reader.poll(Duration.ofMillis(200))) {
                TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                seen.putIfAbsent(partition, record.timestamp());
                reader.pause(List.of(partition));
            }
        }
        reader.resume(reader.paused());
        return seen.values().stream().min(Long::compare).map(Instant::ofEpochMilli).orElse(null);
    }

    @Override
    public void destroy() {
        reader.close(Duration.ofSeconds(2));
        admin.close(Duration.ofSeconds(2));
    }
}
