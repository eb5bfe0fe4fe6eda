package com.uberpopug.ates.messaging.processors;

import com.uberpopug.ates.api.CommandRefusedException;
import org.apache.kafka.common.TopicPartition;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.KafkaTrackingToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Rebuilds a projection: pauses its processor everywhere (other instances let go of its tokens),
 * clears the read model through the processor's {@code @ResetHandler}s, reads the whole stream again
 * (Kafka, or the event store) and hands the processor back to the instances at the end of the stream.
 */
@Component
public class ProjectionReplay {

    private static final Logger log = LoggerFactory.getLogger(ProjectionReplay.class);

    public enum Source {
        KAFKA, EVENT_STORE
    }

    /** What a replay reports as it goes: the events it has to read, then how many it has read. */
    public interface Progress {
        /** For callers that show no progress. */
        Progress NONE = new Progress() {
            @Override
            public void started(String processor, long total) {
            }

            @Override
            public void advanced(long done) {
            }
        };

        void started(String processor, long total);

        void advanced(long done);
    }

    public record Outcome(String processor, Source source, long events, long droppedDeadLetters, Duration took) {
    }

    private final KnownProcessors known;
    private final ProcessorPauses pauses;
    private final EventProcessingConfiguration processing;
    private final TokenStore tokenStore;
    private final TransactionManager transactions;
    private final EventStore eventStore;
    private final KafkaPositions kafka;
    private final JdbcTemplate jdbc;
    private final Duration claimWait;
    private final int eventStoreBatchSize;

    ProjectionReplay(KnownProcessors known, ProcessorPauses pauses, EventProcessingConfiguration processing,
                     TokenStore tokenStore, TransactionManager transactions, EventStore eventStore, KafkaPositions kafka,
                     JdbcTemplate jdbc, @Value("${ates.processors.replay.claim-wait:60s}") Duration claimWait,
                     @Value("${ates.processors.replay.event-store-batch-size:1000}") int eventStoreBatchSize) {
        this.known = known;
        this.pauses = pauses;
        this.processing = processing;
        this.tokenStore = tokenStore;
        this.transactions = transactions;
        this.eventStore = eventStore;
        this.kafka = kafka;
        this.jdbc = jdbc;
        this.claimWait = claimWait;
        this.eventStoreBatchSize = eventStoreBatchSize;
    }

    /**
     * Replays the processor that builds {@code name} (a processor's or a projection's name).
     *
     * @throws IllegalArgumentException when nothing replayable has that name
     * @throws CommandRefusedException  when a replay of it runs already, or an instance does not let go of it
     */
    public Outcome replay(String name, Source source, String by, Progress progress) {
        String processorName = known.replayableNamed(name).orElseThrow(() -> new IllegalArgumentException(
                "There is no projection '" + name + "'. Known: " + String.join(", ", known.replayNames())));
        StreamingEventProcessor processor = processing.eventProcessor(processorName, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("Processor " + processorName + " is not a streaming processor here"));
        if (pauses.pause(processorName, by).isEmpty()) {
            throw new CommandRefusedException("Processor " + processorName + " is busy: a replay of it is running, started by "
                    + pauses.pausedBy(processorName).orElse("someone who has just finished") + ".");
        }
        boolean runningHere = processor.isRunning();
        long started = System.nanoTime();
        try {
            if (runningHere) {
                processor.shutDown();
            }
            awaitOthersLetGo(processorName);
            long dropped = dropDeadLetters(processorName);
            long events = source == Source.KAFKA ? fromKafka(processor, progress) : fromEventStore(processor, progress);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            log.info("Replayed {} from {}: {} events in {}", processorName, source, events, took);
            return new Outcome(processorName, source, events, dropped, took);
        } finally {
            processor.shutDown();
            pauses.lift(processorName);
            if (runningHere) {
                processor.start();
            }
        }
    }

    private void awaitOthersLetGo(String processor) {
        long deadline = System.nanoTime() + claimWait.toNanos();
        while (true) {
            List<String> owners = jdbc.queryForList(
                    "SELECT DISTINCT owner FROM tokenentry WHERE processorname = ? AND owner IS NOT NULL AND owner <> ?",
                    String.class, processor, ProcessorPauses.INSTANCE);
            if (owners.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new CommandRefusedException("Processor " + processor + " is busy: " + String.join(", ", owners)
                        + " did not let go of it within " + claimWait.toSeconds() + " s.");
            }
            sleep(Duration.ofMillis(200));
        }
    }

    /** The replay handles every event again: letters parked before it would only hold their aggregates back. */
    private long dropDeadLetters(String processor) {
        return processing.deadLetterQueue(processor).map(queue -> {
            long letters = queue.size();
            queue.clear();
            return letters;
        }).orElse(0L);
    }

    /** The replay reader's token goes with it; the token store lets only a token's owner delete it. */
    private void forget(String reader) {
        transactions.executeInTransaction(() -> {
            for (int segment : tokenStore.fetchSegments(reader)) {
                tokenStore.fetchToken(reader, segment);
                tokenStore.deleteToken(reader, segment);
            }
        });
    }

    private long fromKafka(StreamingEventProcessor processor, Progress progress) {
        Map<TopicPartition, Long> ends = kafka.ends(known.topicsOf(processor.getName()));
        long total = ends.values().stream().mapToLong(Long::longValue).sum();
        progress.started(processor.getName(), total);
        processor.resetTokens();
        processor.start();
        int segments = tokenStore.fetchSegments(processor.getName()).length;
        awaitEnd(processor, total, progress, () -> kafkaDone(processor, segments, ends));
        return total;
    }

    /**
     * Reads the event store with a processor of its own (same handlers), then leaves the projection's
     * processor at the Kafka offsets that were the end when the replay began: everything before them is
     * in the store's replay; events stored meanwhile come from Kafka after it (handled at least once,
     * as every Kafka delivery is).
     */
    private long fromEventStore(StreamingEventProcessor processor, Progress progress) {
        Map<TopicPartition, Long> kafkaEnds = kafka.ends(known.topicsOf(processor.getName()));
        long head = jdbc.queryForObject("SELECT coalesce(max(globalindex), -1) FROM domainevententry", Long.class);
        long first = jdbc.queryForObject("SELECT coalesce(min(globalindex), 0) FROM domainevententry", Long.class);
        long total = jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE globalindex <= ?", Long.class, head);
        progress.started(processor.getName(), total);
        String readerName = "replay-" + processor.getName();
        TrackingEventProcessor reader = TrackingEventProcessor.builder()
                .name(readerName)
                .eventHandlerInvoker(handlersOf(processor))
                .messageSource(eventStore)
                .tokenStore(tokenStore)
                .transactionManager(transactions)
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andBatchSize(eventStoreBatchSize))
                .build();
        try {
            transactions.executeInTransaction(() -> handlersOf(processor).performReset());
            reader.start();
            awaitEnd(reader, total, progress, () -> storeDone(reader, first, head));
        } finally {
            reader.shutDown();
            forget(readerName);
        }
        Map<TopicPartition, Long> lastRead = new HashMap<>();
        kafkaEnds.forEach((partition, end) -> {
            if (end > 0) {
                lastRead.put(partition, end - 1);
            }
        });
        // Every segment reads every partition (handling its share), so each goes on from the same offsets.
        transactions.executeInTransaction(() -> {
            for (int segment : tokenStore.fetchSegments(processor.getName())) {
                tokenStore.fetchToken(processor.getName(), segment); // claims it
                tokenStore.storeToken(KafkaTrackingToken.newInstance(lastRead), processor.getName(), segment);
                tokenStore.releaseClaim(processor.getName(), segment);
            }
        });
        return total;
    }

    private void awaitEnd(StreamingEventProcessor processor, long total, Progress progress, LongSupplier done) {
        long last = -1;
        long failingSince = 0;
        while (true) {
            // An outage is retried by the processor with back-off; only a long one ends the replay here.
            if (!processor.isError()) {
                failingSince = 0;
            } else if (failingSince == 0) {
                failingSince = System.nanoTime();
            } else if (System.nanoTime() - failingSince > claimWait.toNanos()) {
                throw new IllegalStateException("Processor " + processor.getName() + " has failed for "
                        + claimWait.toSeconds() + " s during the replay (see the log); its read model is incomplete: "
                        + "replay it again once the cause is fixed.");
            }
            long now = Math.min(done.getAsLong(), total);
            if (now != last) {
                progress.advanced(now);
                last = now;
            }
            if (now >= total) {
                return;
            }
            sleep(Duration.ofMillis(250));
        }
    }

    /** The projection's own handlers, for the reader of an event-store replay. */
    private static EventHandlerInvoker handlersOf(StreamingEventProcessor processor) {
        return ((AbstractEventProcessor) processor).eventHandlerInvoker();
    }

    /**
     * Records handled up to the end, counted by the segment furthest behind in each partition (every segment
     * reads every partition); a segment not claimed yet has read nothing.
     */
    private static long kafkaDone(StreamingEventProcessor processor, int segments, Map<TopicPartition, Long> ends) {
        List<Map<TopicPartition, Long>> read = new ArrayList<>();
        for (EventTrackerStatus status : processor.processingStatus().values()) {
            TrackingToken token = unwrap(status.getTrackingToken());
            read.add(token instanceof KafkaTrackingToken kafkaToken ? kafkaToken.getPositions() : Map.of());
        }
        while (read.size() < segments) {
            read.add(Map.of());
        }
        long done = 0;
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            long slowest = read.stream().mapToLong(positions -> positions.getOrDefault(end.getKey(), -1L)).min().orElse(-1);
            done += Math.min(end.getValue(), slowest + 1);
        }
        return done;
    }

    private static long storeDone(TrackingEventProcessor reader, long first, long head) {
        long position = reader.processingStatus().values().stream()
                .map(status -> unwrap(status.getTrackingToken()))
                .mapToLong(token -> token == null ? -1 : token.position().orElse(-1))
                .min().orElse(-1);
        return position >= head ? Long.MAX_VALUE : Math.max(0, position - first + 1);
    }

    private static TrackingToken unwrap(TrackingToken token) {
        return token instanceof ReplayToken replay ? replay.getCurrentToken() : token;
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while replaying", interrupted);
        }
    }
}
