package com.uberpopug.ates.messaging.processors;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * Processor gauges for {@code /actuator/prometheus}: lag in events and seconds, dead letters, running
 * (1/0) per processor, and the publisher's backlog (events stored, not yet on Kafka). One status read
 * serves a whole scrape: it is kept for {@code ates.metrics.processor-status-ttl}.
 */
@Component
class ProcessorGauges {

    private static final Logger log = LoggerFactory.getLogger(ProcessorGauges.class);

    private final ProcessorMonitor monitor;
    private final long ttlNanos;
    private Map<String, ProcessorStatus> latest = Map.of();
    private long readAt;

    ProcessorGauges(ProcessorMonitor monitor, KnownProcessors known, MeterRegistry registry,
                     @Value("${ates.metrics.processor-status-ttl:5s}") Duration ttl) {
        this.monitor = monitor;
        this.ttlNanos = ttl.toNanos();
        for (String processor : known.names()) {
            gauge(registry, "ates.processor.lag.events", "Events not yet handled", processor,
                    status -> status.lagEvents() == null ? 0 : status.lagEvents());
            gauge(registry, "ates.processor.lag.seconds", "Age of the oldest event not yet handled", processor,
                    status -> status.lagTime().toMillis() / 1000.0);
            gauge(registry, "ates.processor.dead.letters", "Events parked in the dead-letter queue", processor,
                    ProcessorStatus::deadLetters);
            gauge(registry, "ates.processor.running", "1 when some instance runs the processor", processor,
                    status -> status.state().working() ? 1 : 0);
        }
        Gauge.builder("ates.publisher.backlog.events", this,
                        metrics -> metrics.of("kafka-publisher").map(s -> s.lagEvents() == null ? 0.0 : s.lagEvents()).orElse(Double.NaN))
                .description("Events in the event store not yet forwarded to Kafka").register(registry);
    }

    private void gauge(MeterRegistry registry, String name, String description, String processor,
                       ToDoubleFunction<ProcessorStatus> value) {
        Gauge.builder(name, this, metrics -> metrics.of(processor).map(value::applyAsDouble).orElse(Double.NaN))
                .description(description).tag("processor", processor).register(registry);
    }

    private synchronized Optional<ProcessorStatus> of(String processor) {
        if (System.nanoTime() - readAt > ttlNanos) {
            try {
                List<ProcessorStatus> statuses = monitor.statuses();
                latest = statuses.stream().collect(Collectors.toMap(ProcessorStatus::name, status -> status));
            } catch (RuntimeException unreadable) {
                // A scrape while PostgreSQL or Kafka is away shows NaN; /actuator/health says which is away.
                log.debug("Processor status unreadable: {}", unreadable.getMessage());
                latest = Map.of();
            }
            readAt = System.nanoTime();
        }
        return Optional.ofNullable(latest.get(processor));
    }
}
