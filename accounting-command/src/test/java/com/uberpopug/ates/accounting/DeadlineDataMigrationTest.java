package com.uberpopug.ates.accounting;

import com.github.kagkarlsson.scheduler.serializer.JacksonSerializer;
import com.uberpopug.ates.testsupport.ScratchDatabase;
import org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * V16 rewrites deadline data stored with Java serialization as JSON, reading only Axon's task data
 * classes; against the real PostgreSQL, in a database of this test's own built by the module's migrations.
 */
class DeadlineDataMigrationTest {

    private final ScratchDatabase database = ScratchDatabase.create();
    private final JdbcTemplate postgres = database.jdbc();

    @BeforeEach
    void schemaBeforeV16() {
        flyway().target("9").load().migrate(); // the module's last migration before V16
    }

    @AfterEach
    void dropDatabase() {
        database.close();
    }

    @Test
    void aDeadlineStoredWithJavaSerializationBecomesJson() throws Exception {
        DbSchedulerBinaryDeadlineDetails close = new DbSchedulerBinaryDeadlineDetails("close-business-day",
                "{\"scope\":1}".getBytes(StandardCharsets.UTF_8), "AggregateScopeDescriptor",
                "{\"day\":\"2026-12-04\"}".getBytes(StandardCharsets.UTF_8), "CloseDeadline", null, "{}".getBytes(StandardCharsets.UTF_8));
        store("AxonDeadline", "close-1", javaSerialized(close));
        store("AxonDeadline", "already-json", new JacksonSerializer().serialize(close));

        flyway().load().migrate();

        byte[] converted = postgres.queryForObject("SELECT task_data FROM scheduled_tasks WHERE task_instance = 'close-1'", byte[].class);
        assertThat(new String(converted, StandardCharsets.UTF_8)).startsWith("{");
        assertThat(new JacksonSerializer().deserialize(DbSchedulerBinaryDeadlineDetails.class, converted)).isEqualTo(close);
        assertThat(new JacksonSerializer().deserialize(DbSchedulerBinaryDeadlineDetails.class, postgres.queryForObject(
                "SELECT task_data FROM scheduled_tasks WHERE task_instance = 'already-json'", byte[].class))).isEqualTo(close);
    }

    @Test
    void aRowHoldingAnyOtherClassIsNotRead() throws Exception {
        store("AxonDeadline", "smuggled", javaSerialized(new Smuggled()));

        assertThatThrownBy(() -> flyway().load().migrate())
                .isInstanceOf(FlywayException.class)
                .hasStackTraceContaining("scheduled_tasks row AxonDeadline/smuggled holds data other than an Axon deadline");
        assertThat(Smuggled.read).as("its class was refused before any of it ran").isFalse();
    }

    /** Stands for a gadget: reading it would run code. */
    static final class Smuggled implements Serializable {
        static volatile boolean read;

        private void readObject(java.io.ObjectInputStream in) {
            read = true;
        }
    }

    private void store(String task, String instance, byte[] data) {
        postgres.update("INSERT INTO scheduled_tasks (task_name, task_instance, task_data, execution_time, picked, version) "
                + "VALUES (?, ?, ?, now(), false, 1)", task, instance, data);
    }

    private static byte[] javaSerialized(Object data) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(data);
        }
        return bytes.toByteArray();
    }

    private org.flywaydb.core.api.configuration.FluentConfiguration flyway() {
        return Flyway.configure().dataSource(database.dataSource()).locations("classpath:db/migration");
    }
}
