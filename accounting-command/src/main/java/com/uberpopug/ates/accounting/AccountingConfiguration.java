package com.uberpopug.ates.accounting;

import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerCustomizer;
import com.github.kagkarlsson.scheduler.serializer.JacksonSerializer;
import com.github.kagkarlsson.scheduler.serializer.Serializer;
import com.uberpopug.ates.messaging.api.PlainAggregates;
import org.axonframework.common.caching.Cache;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.AggregateFactory;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

/** Accounting's wiring that is not a plain component. */
@Configuration
class AccountingConfiguration {

    /**
     * The business calendar's clock (which day it is in the company's zone): the system clock. Tests that
     * move the calendar's time declare their own {@code @Primary} {@link Clock} bean.
     */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    BusinessHours businessHours(@Value("${ates.accounting.zone:UTC}") ZoneId zone,
                                @Value("${ates.accounting.close-at:23:59:59}") LocalTime closeAt, Clock clock) {
        return new BusinessHours(zone, closeAt, clock);
    }

    /**
     * An account gains an event with every task its popug is given or completes: thousands a year. Without
     * snapshots each command on it (and the daily close, for every account) would read all of them. Every 50:
     * loading the account was half of the accounting processor's time with 200 (docs/PERFORMANCE.md, live
     * throughput), and a snapshot is one small row.
     */
    @Bean
    SnapshotTriggerDefinition accountSnapshots(Snapshotter snapshotter,
                                               @Value("${ates.accounting.account-snapshot-every:50}") int every) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, every);
    }

    /**
     * Accounts, prices and the calendar loaded as plain objects, not as Spring beans ({@link PlainAggregates}); the
     * snapshotter uses the account's factory too, and loads an account for each snapshot it takes.
     */
    @Bean
    AggregateFactory<Account> accountAggregateFactory() {
        return new PlainAggregates<>(Account.class, Account::new);
    }

    @Bean
    AggregateFactory<TaskPrice> taskPriceAggregateFactory() {
        return new PlainAggregates<>(TaskPrice.class, TaskPrice::new);
    }

    @Bean
    AggregateFactory<BusinessCalendar> businessCalendarAggregateFactory() {
        return new PlainAggregates<>(BusinessCalendar.class, BusinessCalendar::new);
    }

    /**
     * At most this many accounts in memory (every popug of a big company), fewer when the heap runs short; each
     * checked against the event store before it is used (another instance may have written it).
     */
    @Bean
    Cache accountCache(@Value("${ates.accounting.account-cache-size:20000}") long maximumSize, JdbcTemplate jdbc) {
        return new AccountCache(maximumSize, new StoredAccountVersions(jdbc));
    }

    /** The {@code accounting} processor's segments divide task events by the account they move money on. */
    @Bean
    ConfigurerModule accountingSegmentsByAccount() {
        return configurer -> configurer.eventProcessing()
                .registerSequencingPolicy(TaskMoney.PROCESSING_GROUP, config -> new ByAccount());
    }

    /**
     * Deadlines (the daily close) are rows of db-scheduler's {@code scheduled_tasks}; their data is stored as
     * JSON, read back as the one class the task declares. db-scheduler's default would store Java-serialized
     * objects and read them with Java deserialization, which runs whatever classes a row names.
     * (V16 turned the rows stored before into JSON.)
     */
    @Bean
    DbSchedulerCustomizer deadlineDataAsJson() {
        return new DbSchedulerCustomizer() {
            @Override
            public Optional<Serializer> serializer() {
                return Optional.of(new JacksonSerializer());
            }
        };
    }

    /**
     * Prices drawn with a strong random source: nobody can predict a task's price. A generator of its own
     * (DRBG), not the JVM-wide NativePRNG, whose one lock every {@code new SecureRandom()} shares.
     */
    @Bean
    Pricing pricing() throws NoSuchAlgorithmException {
        return new Pricing(SecureRandom.getInstance("DRBG"));
    }
}
