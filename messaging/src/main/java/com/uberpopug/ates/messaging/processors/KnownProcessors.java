package com.uberpopug.ates.messaging.processors;

import com.uberpopug.ates.api.ReplayableProcessor;
import com.uberpopug.ates.messaging.kafka.KafkaSource;
import com.uberpopug.ates.messaging.kafka.KafkaTopics;
import org.axonframework.springboot.EventProcessorProperties;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The event processors of aTES, where each reads from, and the projections that can be rebuilt by
 * replaying one: those each module declares ({@link ReplayableProcessor}). Only read models are
 * replayable: replaying accounting's money handlers, the publisher, the close, payments or mails would
 * redo what they did, not rebuild anything.
 */
@Component
public class KnownProcessors {

    /** Replayable processors and the projections (read models) each builds, as the modules declare them. */
    private final Map<String, List<String>> projections = new LinkedHashMap<>();
    private final EventProcessorProperties properties;
    private final KafkaTopics topics;

    KnownProcessors(EventProcessorProperties properties, KafkaTopics topics, List<ReplayableProcessor> replayable) {
        this.properties = properties;
        this.topics = topics;
        replayable.stream().sorted(Comparator.comparing(ReplayableProcessor::processor))
                .forEach(declared -> projections.put(declared.processor(), declared.projections()));
    }

    public List<String> names() {
        return properties.getProcessors().keySet().stream().sorted().toList();
    }

    public ProcessorSource source(String processor) {
        EventProcessorProperties.ProcessorSettings settings = properties.getProcessors().get(processor);
        if (settings == null) {
            throw new IllegalArgumentException("No processor " + processor);
        }
        if (settings.getMode() == EventProcessorProperties.Mode.SUBSCRIBING) {
            return ProcessorSource.COMMAND_TRANSACTION;
        }
        return settings.getSource() == null ? ProcessorSource.EVENT_STORE : ProcessorSource.KAFKA;
    }

    /** The Kafka topics a Kafka-fed processor reads (what its lag and its replays count). */
    public List<String> topicsOf(String processor) {
        String bean = properties.getProcessors().get(processor).getSource();
        return topics.of(KafkaSource.named(bean).orElseThrow(() -> new IllegalStateException("Processor " + processor
                + " reads '" + bean + "', which is none of the Kafka sources " + Arrays.toString(KafkaSource.values()))));
    }

    public boolean tracking(String processor) {
        return source(processor) != ProcessorSource.COMMAND_TRANSACTION;
    }

    public Collection<String> replayable() {
        return projections.keySet();
    }

    /** The projections a processor builds (empty: not replayable). */
    public List<String> projectionsOf(String processor) {
        return projections.getOrDefault(processor, List.of());
    }

    /** The processor to replay for a processor's or a projection's name. */
    public Optional<String> replayableNamed(String name) {
        if (projections.containsKey(name)) {
            return Optional.of(name);
        }
        return projections.entrySet().stream().filter(entry -> entry.getValue().contains(name))
                .map(Map.Entry::getKey).findFirst();
    }

    /** Every name replay takes, for messages that list them. */
    public List<String> replayNames() {
        List<String> names = new ArrayList<>();
        projections.forEach((processor, projections) -> {
            names.add(processor);
            projections.stream().filter(projection -> !projection.equals(processor)).forEach(names::add);
        });
        return names;
    }
}
