package com.uberpopug.ates.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.micrometer.MessageCountingMonitor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon's meters kept for {@code /actuator/prometheus}: the command bus counters per command type
 * ({@code commandBus_successCounter_total{payloadType="CreateTask"}}, ingested, failure, …).
 *
 * <p>Axon's own metrics configuration (off in application.yml) also monitors every event processor, event bus
 * and query bus with timers and a capacity gauge: a timer looked up per message and handler, and a
 * capacity gauge that keeps every measurement of its time window on the heap and copies them at each scrape.
 * Under load, scraped once a second, that was a third of the application's CPU samples (docs/PERFORMANCE.md,
 * live throughput). The processors' lag, dead letters and state come from {@code ProcessorGauges} instead,
 * and request times from Spring's {@code http.server.requests}.
 */
@Configuration
class CommandRates {

    @Bean
    ConfigurerModule commandBusCounters(MeterRegistry registry) {
        return configurer -> configurer.configureMessageMonitor(CommandBus.class, configuration ->
                MessageCountingMonitor.buildMonitor("commandBus", registry,
                        command -> Tags.of("payloadType", command.getPayloadType().getSimpleName())));
    }
}
