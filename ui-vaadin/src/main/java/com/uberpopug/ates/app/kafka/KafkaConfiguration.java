package com.uberpopug.ates.app.kafka;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.config.TopicConfig;
import org.axonframework.extensions.kafka.KafkaProperties;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.axonframework.extensions.kafka.eventhandling.consumer.ConsumerFactory;
import org.axonframework.extensions.kafka.eventhandling.consumer.Fetcher;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.KafkaEventMessage;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.StreamableKafkaMessageSource;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

import java.time.Duration;

/**
 * Kafka between the contexts: one topic per context, kept forever; every event forwarded from the
 * event store by {@link KafkaEventForwarder}; projections read the topics through one
 * {@link StreamableKafkaMessageSource} under tracking processors (which is what makes replay possible).
 */
@Configuration
public class KafkaConfiguration {

    @Bean
    KafkaAdmin.NewTopics contextTopics(KafkaTopics topics, @Value("${ates.kafka.partitions:3}") int partitions) {
        return new KafkaAdmin.NewTopics(topics.all().stream()
                .map(name -> TopicBuilder.name(name).partitions(partitions).replicas(1)
                        // Infinite retention: projections are rebuilt by replaying the topics.
                        .config(TopicConfig.RETENTION_MS_CONFIG, "-1")
                        .config(TopicConfig.RETENTION_BYTES_CONFIG, "-1")
                        .build())
                .toArray(NewTopic[]::new));
    }

    @Bean(destroyMethod = "close")
    Producer<String, byte[]> eventProducer(KafkaProperties properties) {
        return new KafkaProducer<>(properties.buildProducerProperties());
    }

    @Bean
    @SuppressWarnings("unchecked")
    KafkaEventForwarder kafkaEventForwarder(Producer<String, byte[]> eventProducer,
                                            KafkaMessageConverter<?, ?> kafkaMessageConverter,
                                            KafkaTopics topics,
                                            @Value("${ates.kafka.publisher.ack-timeout:30s}") Duration ackTimeout) {
        return new KafkaEventForwarder(eventProducer, (KafkaMessageConverter<String, byte[]>) kafkaMessageConverter,
                topics, ackTimeout);
    }

    @Bean
    @SuppressWarnings({"unchecked", "rawtypes"})
    StreamableKafkaMessageSource<String, byte[]> streamableKafkaMessageSource(
            @Qualifier("eventSerializer") Serializer eventSerializer,
            ConsumerFactory<?, ?> kafkaConsumerFactory,
            Fetcher<?, ?, ?> kafkaFetcher,
            KafkaMessageConverter<?, ?> kafkaMessageConverter,
            KafkaProperties properties,
            KafkaTopics topics) {
        return StreamableKafkaMessageSource.<String, byte[]>builder()
                .topics(topics.all())
                .serializer(eventSerializer)
                .consumerFactory((ConsumerFactory<String, byte[]>) kafkaConsumerFactory)
                .fetcher((Fetcher<String, byte[], KafkaEventMessage>) (Fetcher) kafkaFetcher)
                .messageConverter((KafkaMessageConverter<String, byte[]>) kafkaMessageConverter)
                // Not the extension's sorted buffer: it loses records (see ArrivalOrderBuffer).
                .bufferFactory(() -> new ArrivalOrderBuffer<>(properties.getFetcher().getBufferSize()))
                .build();
    }
}
