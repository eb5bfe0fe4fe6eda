package com.uberpopug.ates.messaging.kafka;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.config.TopicConfig;
import org.axonframework.extensions.kafka.KafkaProperties;
import org.axonframework.extensions.kafka.eventhandling.DefaultKafkaMessageConverter;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.axonframework.extensions.kafka.eventhandling.consumer.ConsumerFactory;
import org.axonframework.extensions.kafka.eventhandling.consumer.DefaultConsumerFactory;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Kafka between the contexts: one topic per context, kept forever; every event forwarded from the
 * event store by {@link KafkaEventForwarder}; projections read the topics through
 * {@link KafkaEventSource}s under tracking processors (which is what makes replay possible), each
 * processor only the topics of its {@link KafkaSource}.
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

    /** Records written in the extension's format, read by {@link KafkaEventConverter}. */
    @Bean
    KafkaMessageConverter<String, byte[]> kafkaMessageConverter(@Qualifier("eventSerializer") Serializer eventSerializer,
                                                                org.axonframework.config.Configuration axon) {
        EventUpcasterChain upcasters = axon.upcasterChain() != null ? axon.upcasterChain() : new EventUpcasterChain();
        KafkaMessageConverter<String, byte[]> writer = DefaultKafkaMessageConverter.builder()
                .serializer(eventSerializer).upcasterChain(upcasters).build();
        return new KafkaEventConverter(writer, eventSerializer, upcasters);
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

    // The sources are prototypes: Axon asks for a processor's source once, and each processor gets one of its own,
    // whose reader its segments share (KafkaEventSource).

    /** Every context topic: {@link KafkaSource#ALL_CONTEXTS}. */
    @Bean
    @Scope(BeanDefinition.SCOPE_PROTOTYPE)
    KafkaEventSource streamableKafkaMessageSource(KafkaSourceParts parts) {
        return parts.sourceOf(KafkaSource.ALL_CONTEXTS);
    }

    /**
     * {@link KafkaSource#ALL_CONTEXTS_IN_BATCHES}: Kafka holds each fetch until it has a megabyte or
     * {@code ates.kafka.batched-source.max-wait} has passed, so that under live load analytics handles a few
     * hundred events per batch instead of one or two (each batch recomputes its days' rollups in ClickHouse).
     * A backlog fills the megabyte at once and is not slowed down.
     */
    @Bean
    @Scope(BeanDefinition.SCOPE_PROTOTYPE)
    KafkaEventSource batchedKafkaMessageSource(KafkaSourceParts parts,
                                               @Value("${ates.kafka.batched-source.max-wait:2s}") Duration maxWait) {
        return parts.sourceOf(KafkaSource.ALL_CONTEXTS_IN_BATCHES, Map.of(
                ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1 << 20,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, (int) maxWait.toMillis()));
    }

    /** {@link KafkaSource#TASKS_AND_IDENTITY}. */
    @Bean
    @Scope(BeanDefinition.SCOPE_PROTOTYPE)
    KafkaEventSource tasksAndIdentityKafkaSource(KafkaSourceParts parts) {
        return parts.sourceOf(KafkaSource.TASKS_AND_IDENTITY);
    }

    /** {@link KafkaSource#IDENTITY}. */
    @Bean
    @Scope(BeanDefinition.SCOPE_PROTOTYPE)
    KafkaEventSource identityKafkaSource(KafkaSourceParts parts) {
        return parts.sourceOf(KafkaSource.IDENTITY);
    }

    @Bean
    KafkaSourceParts kafkaSourceParts(ConsumerFactory<?, ?> kafkaConsumerFactory, KafkaMessageConverter<?, ?> kafkaMessageConverter,
                                      KafkaProperties properties, KafkaTopics topics) {
        return new KafkaSourceParts(kafkaConsumerFactory, kafkaMessageConverter, properties, topics);
    }

    /** What every Kafka message source is made of; only the topics differ. */
    record KafkaSourceParts(ConsumerFactory<?, ?> consumerFactory, KafkaMessageConverter<?, ?> messageConverter,
                            KafkaProperties properties, KafkaTopics topics) {

        KafkaEventSource sourceOf(KafkaSource source) {
            return sourceOf(source, Map.of());
        }

        /** A source whose consumers take these settings over the application's. */
        @SuppressWarnings("unchecked")
        KafkaEventSource sourceOf(KafkaSource source, Map<String, Object> consumerSettings) {
            ConsumerFactory<String, byte[]> consumers = (ConsumerFactory<String, byte[]>) consumerFactory;
            if (!consumerSettings.isEmpty()) {
                Map<String, Object> settings = new HashMap<>(properties.buildConsumerProperties());
                settings.putAll(consumerSettings);
                consumers = new DefaultConsumerFactory<>(settings);
            }
            return new KafkaEventSource(topics.of(source), consumers, (KafkaMessageConverter<String, byte[]>) messageConverter,
                    Duration.ofMillis(properties.getFetcher().getPollTimeout()), properties.getFetcher().getBufferSize());
        }
    }
}
