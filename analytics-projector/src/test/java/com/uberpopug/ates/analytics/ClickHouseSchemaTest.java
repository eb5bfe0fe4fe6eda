package com.uberpopug.ates.analytics;

import com.uberpopug.ates.testsupport.IsolatedServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The versioned SQL files, applied to the real ClickHouse that infra/ates-services.sh starts. */
class ClickHouseSchemaTest {

    private final String database = "ates_schema_test_" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0xfffff));
    private final ClickHouse clickHouse = new ClickHouse(new ClickHouseProperties(null, database, null, null));

    @AfterEach
    void dropDatabase() {
        clickHouse.serverJdbc().execute("DROP DATABASE IF EXISTS " + database);
    }

    @Test
    void migrationsAreFoundInVersionOrderWithoutComments() {
        var migrations = ClickHouseSchema.migrations();
        assertThat(migrations).isNotEmpty();
        assertThat(migrations.get(0).version()).isEqualTo(1);
        assertThat(migrations.get(0).description()).isEqualTo("tasks");
        assertThat(migrations).allSatisfy(m -> assertThat(m.statements()).noneMatch(s -> s.startsWith("--")));
        assertThat(migrations).extracting(ClickHouseSchema.Migration::version).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void aFreshDatabaseGetsEverySchemaVersionOnceEvenWhenMigratedTwice() {
        ClickHouseSchema schema = new ClickHouseSchema(clickHouse);

        schema.migrate();
        schema.migrate();

        int latest = ClickHouseSchema.migrations().get(ClickHouseSchema.migrations().size() - 1).version();
        assertThat(clickHouse.jdbc().queryForObject("SELECT count() FROM schema_history", Long.class))
                .isEqualTo(ClickHouseSchema.migrations().size());
        assertThat(clickHouse.jdbc().queryForObject("SELECT max(version) FROM schema_history", Integer.class))
                .isEqualTo(latest);
        assertThat(clickHouse.jdbc().queryForList("SELECT name FROM system.tables WHERE database = ?", String.class, database))
                .contains("tasks", "schema_history");
    }

    /** Three instances starting at once on a fresh database: each migration applied once, none failing half-way. */
    @Test
    void instancesStartingTogetherTakeTurns() throws Exception {
        DataSource postgres = new DriverManagerDataSource(IsolatedServices.POSTGRES + "postgres", "postgres", "");
        ExecutorService instances = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> started = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                started.add(instances.submit(() -> new ClickHouseSchema(clickHouse).migrateTakingTurns(postgres)));
            }
            for (Future<?> instance : started) {
                instance.get();
            }
        } finally {
            instances.shutdownNow();
        }
        assertThat(clickHouse.jdbc().queryForObject("SELECT count() FROM schema_history", Long.class))
                .as("each migration recorded once").isEqualTo(ClickHouseSchema.migrations().size());
    }
}
