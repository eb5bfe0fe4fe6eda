package com.uberpopug.ates.messaging.processors;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Cluster-wide pauses of processors, kept in PostgreSQL. A replay pauses its processor: every other
 * instance stops its copy within {@code ates.processors.pause-check} (releasing the token claims the
 * replay needs), and starts it again once the pause is lifted, continuing from the replayed tokens.
 * The pausing process touches its pauses at every check; one not touched for {@value #STALE_AFTER_SECONDS} s
 * belongs to a process that died, and is ignored (and may be taken over by a new replay).
 */
@Component
public class ProcessorPauses implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ProcessorPauses.class);

    static final int STALE_AFTER_SECONDS = 15;
    private static final String LIVE = "heartbeat > now() - interval '" + STALE_AFTER_SECONDS + " seconds'";

    /** This process as Axon's token store names claim owners. */
    static final String INSTANCE = ManagementFactory.getRuntimeMXBean().getName();

    private final JdbcTemplate jdbc;
    private final EventProcessingConfiguration processing;
    private final Set<String> stoppedHere = new HashSet<>();
    private final ScheduledExecutorService checker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "processor-pauses");
        thread.setDaemon(true);
        return thread;
    });

    ProcessorPauses(JdbcTemplate jdbc, EventProcessingConfiguration processing,
                    @Value("${ates.processors.pause-check:1s}") Duration every) {
        this.jdbc = jdbc;
        this.processing = processing;
        checker.scheduleWithFixedDelay(this::followPauses, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Pauses {@code processor} for everyone but this process; empty when someone else paused it already. */
    Optional<String> pause(String processor, String by) {
        int inserted = jdbc.update("""
                INSERT INTO ates_processor_pauses (processor, instance, paused_by) VALUES (?, ?, ?)
                ON CONFLICT (processor) DO UPDATE
                SET instance = EXCLUDED.instance, paused_by = EXCLUDED.paused_by, since = now(), heartbeat = now()
                WHERE NOT ates_processor_pauses.""" + LIVE, processor, INSTANCE, by);
        return inserted == 1 ? Optional.of(processor) : Optional.empty();
    }

    /** Who holds the pause of {@code processor}, and since when; empty when it is not paused. */
    Optional<String> pausedBy(String processor) {
        List<String> by = jdbc.queryForList(
                "SELECT paused_by || ' (' || instance || ', since ' || to_char(since, 'YYYY-MM-DD HH24:MI:SS TZ') || ')' "
                        + "FROM ates_processor_pauses WHERE processor = ? AND " + LIVE, String.class, processor);
        return by.stream().findFirst();
    }

    void lift(String processor) {
        jdbc.update("DELETE FROM ates_processor_pauses WHERE processor = ? AND instance = ?", processor, INSTANCE);
    }

    private synchronized void followPauses() {
        try {
            jdbc.update("UPDATE ates_processor_pauses SET heartbeat = now() WHERE instance = ?", INSTANCE);
            Set<String> paused = new HashSet<>(jdbc.queryForList(
                    "SELECT processor FROM ates_processor_pauses WHERE instance <> ? AND " + LIVE, String.class, INSTANCE));
            for (String name : paused) {
                processing.eventProcessor(name, StreamingEventProcessor.class)
                        .filter(StreamingEventProcessor::isRunning)
                        .ifPresent(processor -> {
                            log.info("Processor {} paused for a replay elsewhere: stopping it here", name);
                            processor.shutDown();
                            stoppedHere.add(name);
                        });
            }
            for (String name : Set.copyOf(stoppedHere)) {
                if (!paused.contains(name)) {
                    log.info("Processor {}: the replay elsewhere has ended, starting it again", name);
                    processing.eventProcessor(name, StreamingEventProcessor.class).ifPresent(StreamingEventProcessor::start);
                    stoppedHere.remove(name);
                }
            }
        } catch (RuntimeException failed) {
            // Checked again in a second; PostgreSQL being away is reported by the health endpoint.
            log.warn("Could not check the processor pauses: {}", failed.getMessage());
        }
    }

    @Override
    public void destroy() {
        checker.shutdownNow();
    }
}
