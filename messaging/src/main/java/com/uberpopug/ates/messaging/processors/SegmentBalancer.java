package com.uberpopug.ates.messaging.processors;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.springboot.EventProcessorProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Spreads the segments of every processor over the running instances. Axon's tracking processors claim
 * segments in the token store, first come first served: the instance that starts first would keep them
 * all. Each instance touches its row in {@code ates_instances} every {@code ates.processors.balance.every},
 * lists the instances seen within the claim timeout, and lets go of the segments it holds beyond its share
 * ({@link #share}) for three rounds, so that an idle thread of another instance claims them (a thread claims
 * any free segment: one that lands beyond a share is let go again, until it reaches an instance below its
 * share). A processor of one segment (the daily close) is held by one instance at a time: it runs once. A
 * processor with fewer segments than configured (it started before they were raised) is split up to them.
 *
 * <p>An instance that dies stops touching its row and its claims; after the claim timeout
 * ({@code axon.eventhandling.tokenstore.claim-timeout}) the others claim its segments. The command line
 * runs without it ({@code ates.processors.balance.enabled=false}).
 */
@Component
@ConditionalOnProperty(name = "ates.processors.balance.enabled", havingValue = "true", matchIfMissing = true)
public class SegmentBalancer implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);

    private final JdbcTemplate jdbc;
    private final EventProcessingConfiguration processing;
    private final EventProcessorProperties processorProperties;
    private final Duration every;
    private final Duration claimTimeout;
    private final ScheduledExecutorService balancer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "segment-balancer");
        thread.setDaemon(true);
        return thread;
    });

    SegmentBalancer(JdbcTemplate jdbc, EventProcessingConfiguration processing, EventProcessorProperties processorProperties,
                    @Value("${ates.processors.balance.every:5s}") Duration every,
                    @Value("${axon.eventhandling.tokenstore.claim-timeout:10s}") Duration claimTimeout) {
        this.jdbc = jdbc;
        this.processing = processing;
        this.processorProperties = processorProperties;
        this.every = every;
        this.claimTimeout = claimTimeout;
    }

    /** From the moment the application is up: asking for the processors earlier would build them on this thread. */
    @EventListener(ApplicationReadyEvent.class)
    void start() {
        balancer.scheduleWithFixedDelay(this::balance, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    void balance() {
        try {
            jdbc.update("""
                    INSERT INTO ates_instances (instance) VALUES (?)
                    ON CONFLICT (instance) DO UPDATE SET seen_at = now()""", ProcessorPauses.INSTANCE);
            List<String> live = jdbc.queryForList("""
                    SELECT instance FROM ates_instances WHERE seen_at > now() - make_interval(secs => ?)
                    ORDER BY started_at, instance""", String.class, claimTimeout.toMillis() / 1000.0);
            int me = Math.max(0, live.indexOf(ProcessorPauses.INSTANCE));
            Map<String, Integer> segments = new HashMap<>();
            jdbc.query("SELECT processorname, count(*) FROM tokenentry GROUP BY processorname",
                    (RowCallbackHandler) row -> segments.put(row.getString(1), row.getInt(2)));
            for (EventProcessor processor : processing.eventProcessors().values()) {
                if (processor instanceof StreamingEventProcessor streaming && streaming.isRunning()) {
                    keepShare(streaming, segments.getOrDefault(streaming.getName(), 0), me, Math.max(1, live.size()));
                }
            }
        } catch (RuntimeException failed) {
            // Tried again next round; PostgreSQL being away is reported by the health endpoint.
            log.warn("Could not balance the processors' segments: {}", failed.getMessage());
        }
    }

    private void keepShare(StreamingEventProcessor processor, int segments, int me, int instances) {
        if (segments < configured(processor.getName())) {
            grow(processor, segments);
            return;
        }
        int share = share(processor.getName(), segments, me, instances);
        List<Integer> held = processor.processingStatus().keySet().stream().sorted().toList();
        for (int segment : held.subList(Math.min(share, held.size()), held.size())) {
            log.info("Processor {}: letting go of segment {} for another instance ({} segments, {} instances)",
                    processor.getName(), segment, segments, instances);
            processor.releaseSegment(segment, every.toMillis() * 3, TimeUnit.MILLISECONDS);
        }
    }

    /** The segments a processor is configured with ({@code initial-segment-count}); 1 when it has no setting. */
    private int configured(String processor) {
        EventProcessorProperties.ProcessorSettings settings = processorProperties.getProcessors().get(processor);
        return settings == null || settings.getInitialSegmentCount() == null ? 1 : settings.getInitialSegmentCount();
    }

    /**
     * A processor that started with fewer segments than it is configured with now (an installation from before
     * its segments were raised) splits one of the segments this instance holds, one per round, until it has
     * them all; each split halves the events of a segment, which keeps its token.
     */
    private void grow(StreamingEventProcessor processor, int segments) {
        processor.processingStatus().keySet().stream().sorted().findFirst().ifPresent(segment -> {
            log.info("Processor {}: splitting segment {} ({} segments, {} configured)", processor.getName(), segment,
                    segments, configured(processor.getName()));
            processor.splitSegment(segment);
        });
    }

    /**
     * How many of a processor's segments the instance at place {@code me} (by start) may hold: the segments
     * divided by the instances, and one more for as many instances as segments are left over. Who gets one more
     * turns with the processor, so that with fewer segments than instances every instance still works for some
     * processors (with two segments and three instances, each holds one segment of two processors in three).
     */
    static int share(String processor, int segments, int me, int instances) {
        int place = Math.floorMod(me - Math.floorMod(processor.hashCode(), instances), instances);
        return segments / instances + (place < segments % instances ? 1 : 0);
    }

    @Override
    public void destroy() {
        balancer.shutdownNow();
        try {
            // Gone at once for the others, not after the claim timeout.
            jdbc.update("DELETE FROM ates_instances WHERE instance = ?", ProcessorPauses.INSTANCE);
        } catch (RuntimeException unreachable) {
            log.warn("Could not sign this instance off: {}", unreachable.getMessage());
        }
    }
}
