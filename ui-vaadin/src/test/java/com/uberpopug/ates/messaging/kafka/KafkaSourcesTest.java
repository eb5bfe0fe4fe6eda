package com.uberpopug.ates.messaging.kafka;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.uberpopug.ates.api.Topic;
import com.uberpopug.ates.app.AtesSpringTest;
import com.uberpopug.ates.messaging.processors.KnownProcessors;
import com.uberpopug.ates.messaging.processors.ProcessorSource;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each Kafka-fed processor reads only the topics of its {@link KafkaSource}: every event its handlers take
 * must travel on one of them, or the handler would never be called. And the sources really are that narrow.
 */
@AtesSpringTest
class KafkaSourcesTest {

    @Autowired
    KnownProcessors known;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    KafkaTopics topics;

    @Test
    void everyEventAKafkaFedProcessorHandlesIsOnATopicItReads() {
        List<Class<?>> events = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.uberpopug.ates.api").stream()
                .filter(type -> !type.getPackageName().equals("com.uberpopug.ates.api"))
                .<Class<?>>map(JavaClass::reflect).filter(Class::isRecord).toList();
        List<String> kafkaFed = known.names().stream().filter(name -> known.source(name) == ProcessorSource.KAFKA).toList();
        assertThat(kafkaFed).contains("task-board", "task-assignees", "accounting", "accounting-views", "analytics");

        List<String> unread = new ArrayList<>();
        for (String processor : kafkaFed) {
            var handlers = processing.eventProcessor(processor, AbstractEventProcessor.class).orElseThrow().eventHandlerInvoker();
            List<String> read = known.topicsOf(processor);
            events.stream().filter(handlers::canHandleType)
                    .filter(event -> !read.contains(topics.name(Topic.of(event))))
                    .forEach(event -> unread.add(processor + " handles " + event.getSimpleName() + " but reads only " + read));
        }
        assertThat(unread).isEmpty();
    }

    /** The segments of a processor share its source's reader; another processor's segments must not. */
    @Test
    void eachKafkaFedProcessorHasASourceOfItsOwn() {
        List<String> kafkaFed = known.names().stream().filter(name -> known.source(name) == ProcessorSource.KAFKA).toList();
        List<Object> sources = kafkaFed.stream()
                .map(name -> (Object) processing.eventProcessor(name, TrackingEventProcessor.class).orElseThrow().getMessageSource())
                .toList();
        assertThat(sources).allSatisfy(source -> assertThat(source).isInstanceOf(KafkaEventSource.class))
                .doesNotHaveDuplicates();
        assertThat(known.topicsOf("accounting")).as("two of them read the same topics")
                .isEqualTo(known.topicsOf("task-board"));
    }

    @Test
    void theBoardAndTheAssigneeReplicaSkipWhatTheyDoNotNeed() {
        assertThat(known.topicsOf("task-board")).containsExactlyInAnyOrder(topics.name(Topic.TASKS), topics.name(Topic.IDENTITY));
        assertThat(known.topicsOf("accounting")).containsExactlyInAnyOrder(topics.name(Topic.TASKS), topics.name(Topic.IDENTITY));
        assertThat(known.topicsOf("task-assignees")).containsExactly(topics.name(Topic.IDENTITY));
        assertThat(known.topicsOf("analytics")).hasSize(Topic.values().length);
    }
}
