package com.uberpopug.ates.projections;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Against the real PostgreSQL that infra/ates-services.sh starts (database ates, a temporary table). */
class JdbcBatchTest {

    private SingleConnectionDataSource dataSource;
    private NamedParameterJdbcTemplate jdbc;

    @BeforeEach
    void connect() {
        dataSource = new SingleConnectionDataSource("jdbc:postgresql://127.0.0.1:5432/ates", "ates", "ates", true);
        jdbc = new NamedParameterJdbcTemplate(dataSource);
        jdbc.getJdbcTemplate().execute("CREATE TEMP TABLE popugs (name TEXT PRIMARY KEY, beak TEXT)");
    }

    @AfterEach
    void disconnect() {
        dataSource.destroy();
    }

    @Test
    void statementsOfAUnitOfWorkWaitForItsCommitAndKeepTheirOrder() {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("batch"));
        JdbcBatch.add(jdbc, "INSERT INTO popugs VALUES (:name, :beak)", params("Kesha", "short"));
        JdbcBatch.add(jdbc, "INSERT INTO popugs VALUES (:name, :beak)", params("Gosha", "long"));
        JdbcBatch.add(jdbc, "UPDATE popugs SET beak = :beak WHERE name = :name", params("Kesha", "golden"));
        JdbcBatch.add(jdbc, "INSERT INTO popugs VALUES (:name, :beak)", params("Rosa", "pink"));
        assertThat(count()).as("nothing written before the commit").isZero();

        unitOfWork.commit();

        assertThat(count()).isEqualTo(3);
        assertThat(beakOf("Kesha")).as("the update ran after its insert").isEqualTo("golden");
        assertThat(beakOf("Rosa")).isEqualTo("pink");
    }

    @Test
    void aRolledBackUnitOfWorkWritesNothing() {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("batch"));
        JdbcBatch.add(jdbc, "INSERT INTO popugs VALUES (:name, :beak)", params("Kesha", "short"));

        unitOfWork.rollback();

        assertThat(count()).isZero();
    }

    @Test
    void withoutAUnitOfWorkAStatementRunsAtOnce() {
        JdbcBatch.add(jdbc, "INSERT INTO popugs VALUES (:name, :beak)", params("Kesha", "short"));

        assertThat(count()).isEqualTo(1);
    }

    private static MapSqlParameterSource params(String name, String beak) {
        return new MapSqlParameterSource("name", name).addValue("beak", beak);
    }

    private long count() {
        return jdbc.getJdbcTemplate().queryForObject("SELECT count(*) FROM popugs", Long.class);
    }

    private String beakOf(String name) {
        return jdbc.queryForObject("SELECT beak FROM popugs WHERE name = :name", params(name, null), String.class);
    }
}
