package com.uberpopug.ates.accounting;

import com.uberpopug.ates.testsupport.ScratchDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Which events accounting already acted on, on the real PostgreSQL. */
class HandledEventsTest {

    private final ScratchDatabase database = ScratchDatabase.create();
    private final DataSource connections = new DriverManagerDataSource(database.url(), "ates", "ates");
    private final JdbcTemplate postgres = new JdbcTemplate(connections);
    private final HandledEvents handled = new HandledEvents(postgres);

    @BeforeEach
    void schema() {
        Flyway.configure().dataSource(connections).locations("classpath:db/migration").load().migrate();
    }

    @AfterEach
    void dropDatabase() {
        database.close();
    }

    @Test
    void anEventOutsideABatchIsActedOnOnce() {
        AtomicInteger acted = new AtomicInteger();

        handled.once("event-1", acted::incrementAndGet);
        handled.once("event-1", acted::incrementAndGet); // redelivered

        assertThat(acted).hasValue(1);
        assertThat(handled.markedAmong(new String[] {"event-1"})).containsExactly("event-1");
    }

    @Test
    void aBatchLearnsWhichOfItsEventsAreMarked() {
        handled.once("marked-1", () -> { });
        handled.once("marked-2", () -> { });

        assertThat(handled.markedAmong(new String[] {"new-1", "marked-1", "marked-2", "marked-1", "new-2"}))
                .containsExactlyInAnyOrder("marked-1", "marked-2");
        assertThat(handled.markedAmong(new String[0])).isEmpty();
    }

    /** The check of a big batch against many marks: one look-up in the key per id, never a read of the whole table. */
    @Test
    void aBigBatchIsLookedUpInTheKeyNotScanned() {
        postgres.batchUpdate("INSERT INTO accounting_handled_events (event_id) VALUES (?)",
                IntStream.range(0, 20_000).mapToObj(i -> new Object[] {UUID.randomUUID().toString()}).toList());
        String[] batch = IntStream.range(0, 500).mapToObj(i -> UUID.randomUUID().toString()).toArray(String[]::new);

        List<String> plan = postgres.queryForList("EXPLAIN " + HandledEvents.MARKED_AMONG, String.class,
                (Object) batch);

        assertThat(String.join("\n", plan))
                .contains("accounting_handled_events_pkey")
                .doesNotContain("Seq Scan on accounting_handled_events");
    }
}
