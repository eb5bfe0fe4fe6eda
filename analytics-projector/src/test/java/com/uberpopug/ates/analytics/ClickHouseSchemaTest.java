package com.uberpopug.ates.analytics;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

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
}
