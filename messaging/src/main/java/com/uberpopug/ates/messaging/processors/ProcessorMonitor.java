package com.uberpopug.ates.messaging.processors;

import org.apache.kafka.common.TopicPartition;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.KafkaTrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads where every processor stands from what all instances share (the token store, the event store,
 * Kafka's offsets, the dead-letter table), so that any instance, and the command line, tells the same
 * story about processors running anywhere.
 */
@Component
public class ProcessorMonitor {

    /** A token not touched for longer than this belongs to a process that stopped without letting go. */
    private static final Duration STALE_CLAIM = Duration.ofSeconds(30);

    private final KnownProcessors known;
    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final KafkaPositions kafka;
    private final EventProcessingConfiguration processing;
    /**
     * The token store stamps claims, and events carry their times, by the system clock: ages are measured
     * with it, not with the business calendar's clock (which tests move).
     */
    private final Clock clock = Clock.systemUTC();

    ProcessorMonitor(KnownProcessors known, JdbcTemplate jdbc, Serializer serializer, KafkaPositions kafka,
                     EventProcessingConfiguration processing) {
        this.known = known;
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.kafka = kafka;
        this.processing = processing;
    }

    public List<ProcessorStatus> statuses() {
        Map<String, Long> deadLetters = deadLetters();
        Map<String, String> pauses = pauses();
        Map<String, List<Claim>> claims = claims();
        List<ProcessorStatus> statuses = new ArrayList<>();
        Map<TopicPartition, Long> kafkaEnds = null;
        Long storeHead = null;
        for (String name : known.names()) {
            long dead = deadLetters.getOrDefault(name, 0L);
            ProcessorSource source = known.source(name);
            if (!known.tracking(name)) {
                statuses.add(new ProcessorStatus(name, source, ProcessorState.RUNNING, null, null, null, null, Duration.ZERO, dead));
                continue;
            }
            List<Claim> segments = claims.getOrDefault(name, List.of());
            String pausedBy = pauses.get(name);
            ProcessorState state = state(name, segments, pausedBy);
            String owner = owners(segments);
            if (source == ProcessorSource.KAFKA) {
                if (kafkaEnds == null) {
                    kafkaEnds = kafka.ends();
                }
                List<String> topics = known.topicsOf(name);
                Map<TopicPartition, Long> ends = kafkaEnds.entrySet().stream()
                        .filter(end -> topics.contains(end.getKey().topic()))
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
                statuses.add(kafkaStatus(name, state, pausedBy, owner, segments, ends, dead));
            } else {
                if (storeHead == null) {
                    storeHead = jdbc.queryForObject("SELECT coalesce(max(globalindex), -1) FROM domainevententry", Long.class);
                }
                statuses.add(eventStoreStatus(name, state, pausedBy, owner, segments, storeHead, dead));
            }
        }
        return statuses;
    }

    /** The tracking processors that have not handled every event yet. */
    public List<ProcessorStatus> behind() {
        return statuses().stream().filter(status -> status.lagEvents() != null && status.lagEvents() > 0).toList();
    }

    public Optional<ProcessorStatus> status(String processor) {
        return statuses().stream().filter(status -> status.name().equals(processor)).findFirst();
    }

    private ProcessorState state(String name, List<Claim> segments, String pausedBy) {
        if (pausedBy != null) {
            return ProcessorState.PAUSED;
        }
        EventProcessor local = processing.eventProcessors().get(name);
        if (local != null && local.isError()) {
            return ProcessorState.ERROR;
        }
        Instant now = clock.instant();
        if (segments.stream().anyMatch(claim -> claim.owner() != null && claim.touched().plus(STALE_CLAIM).isAfter(now))) {
            return ProcessorState.RUNNING;
        }
        if (segments.stream().anyMatch(claim -> claim.owner() != null)) {
            return ProcessorState.STALE_CLAIM;
        }
        return ProcessorState.STOPPED;
    }

    /**
     * A running processor with a replay token is replaying while it is behind. (Kafka-fed processors keep
     * the replay token after they are through: on multi-partition topics Axon never sees the replay end.)
     */
    private static ProcessorState replayingOr(ProcessorState state, List<Claim> segments, long lag) {
        boolean replayToken = segments.stream().anyMatch(claim -> ReplayToken.isReplay(claim.token()));
        return state == ProcessorState.RUNNING && replayToken && lag > 0 ? ProcessorState.REPLAYING : state;
    }

    private ProcessorStatus eventStoreStatus(String name, ProcessorState state, String pausedBy, String owner,
                                             List<Claim> segments, long head, long dead) {
        long position = segments.stream().mapToLong(claim -> globalIndex(claim.token())).min().orElse(-1);
        long lag = Math.max(0, head - position);
        Duration lagTime = Duration.ZERO;
        if (lag > 0) {
            List<String> oldest = jdbc.queryForList(
                    "SELECT timestamp FROM domainevententry WHERE globalindex > ? ORDER BY globalindex LIMIT 1",
                    String.class, position);
            lagTime = oldest.isEmpty() ? Duration.ZERO : age(Instant.parse(oldest.get(0)));
        }
        return new ProcessorStatus(name, ProcessorSource.EVENT_STORE, replayingOr(state, segments, lag), pausedBy, owner,
                position, lag, lagTime, dead);
    }

    private ProcessorStatus kafkaStatus(String name, ProcessorState state, String pausedBy, String owner,
                                        List<Claim> segments, Map<TopicPartition, Long> ends, long dead) {
        // Offset of the last record handled, per partition, by the segment furthest behind: every segment reads
        // every partition (and handles its share of it), so the processor is through only where all of them are.
        Map<TopicPartition, Long> read = new HashMap<>();
        List<Map<TopicPartition, Long>> bySegment = new ArrayList<>();
        for (Claim claim : segments) {
            TrackingToken current = claim.token() instanceof ReplayToken replay ? replay.getCurrentToken() : claim.token();
            bySegment.add(current instanceof KafkaTrackingToken kafkaToken ? kafkaToken.getPositions() : Map.of());
        }
        for (TopicPartition partition : ends.keySet()) {
            bySegment.stream().mapToLong(positions -> positions.getOrDefault(partition, -1L)).min()
                    .ifPresent(offset -> read.put(partition, offset));
        }
        long position = read.values().stream().mapToLong(offset -> offset + 1).sum();
        Map<TopicPartition, Long> firstUnread = new HashMap<>();
        long lag = 0;
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            long next = read.getOrDefault(end.getKey(), -1L) + 1;
            if (end.getValue() > next) {
                lag += end.getValue() - next;
                firstUnread.put(end.getKey(), next);
            }
        }
        Instant oldest = lag > 0 ? kafka.oldestOf(firstUnread) : null;
        return new ProcessorStatus(name, ProcessorSource.KAFKA, replayingOr(state, segments, lag), pausedBy, owner,
                position, lag, oldest == null ? Duration.ZERO : age(oldest), dead);
    }

    private Duration age(Instant at) {
        Duration age = Duration.between(at, clock.instant());
        return age.isNegative() ? Duration.ZERO : age;
    }

    private static long globalIndex(TrackingToken token) {
        TrackingToken current = token instanceof ReplayToken replay ? replay.getCurrentToken() : token;
        return current == null ? -1 : current.position().orElse(-1); // the JDBC store's tokens are gap-aware
    }

    /**
     * Who holds the segments: the owner, when one instance holds them all; else each segment with its owner
     * ({@code 0 4711@host-a, 1 4712@host-b}, {@code free} while nobody holds it); null when nobody holds any.
     */
    private static String owners(List<Claim> segments) {
        List<String> distinct = segments.stream().map(Claim::owner).distinct().toList();
        if (distinct.size() <= 1) {
            return distinct.isEmpty() ? null : distinct.get(0);
        }
        return segments.stream().sorted(Comparator.comparingInt(Claim::segment))
                .map(claim -> claim.segment() + " " + (claim.owner() == null ? "free" : claim.owner()))
                .collect(Collectors.joining(", "));
    }

    private Map<String, List<Claim>> claims() {
        Map<String, List<Claim>> claims = new HashMap<>();
        jdbc.query("SELECT processorname, segment, token, tokentype, owner, timestamp FROM tokenentry", row -> {
            byte[] bytes = row.getBytes("token");
            String type = row.getString("tokentype");
            TrackingToken token = bytes == null || type == null ? null
                    : serializer.deserialize(new SimpleSerializedObject<>(bytes, byte[].class, type, null));
            claims.computeIfAbsent(row.getString("processorname"), name -> new ArrayList<>())
                    .add(new Claim(row.getInt("segment"), token, row.getString("owner"), Instant.parse(row.getString("timestamp"))));
        });
        return claims;
    }

    private Map<String, Long> deadLetters() {
        Map<String, Long> counts = new HashMap<>();
        jdbc.query("SELECT processinggroup, count(*) AS letters FROM deadletterentry GROUP BY processinggroup",
                row -> {
                    counts.put(row.getString("processinggroup"), row.getLong("letters"));
                });
        return counts;
    }

    private Map<String, String> pauses() {
        Map<String, String> pauses = new HashMap<>();
        jdbc.query("SELECT processor, paused_by FROM ates_processor_pauses WHERE heartbeat > now() - interval '"
                        + ProcessorPauses.STALE_AFTER_SECONDS + " seconds'",
                row -> {
                    pauses.put(row.getString("processor"), row.getString("paused_by"));
                });
        return pauses;
    }

    private record Claim(int segment, TrackingToken token, String owner, Instant touched) {
    }
}
