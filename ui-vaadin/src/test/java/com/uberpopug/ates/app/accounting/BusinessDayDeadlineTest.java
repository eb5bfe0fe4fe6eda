package com.uberpopug.ates.app.accounting;

import com.uberpopug.ates.app.AtesSpringTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * The real persistent deadline: a context whose business day closes 20 seconds after it starts. The
 * deadline lives in PostgreSQL (db-scheduler), fires, closes the day by itself and schedules the next one.
 */
@AtesSpringTest
class BusinessDayDeadlineTest {

    /** Set when the context is built (not when the class loads: other test classes may run in between). */
    private static volatile LocalTime closeAt;

    @DynamicPropertySource
    static void closeSoon(DynamicPropertyRegistry registry) {
        registry.add("ates.accounting.zone", () -> "UTC");
        registry.add("ates.accounting.close-at", () -> {
            closeAt = LocalTime.now(ZoneOffset.UTC).plusSeconds(20).truncatedTo(ChronoUnit.SECONDS);
            return closeAt.toString();
        });
    }

    @Autowired
    JdbcTemplate postgres;

    @Test
    void theDayClosesByItselfAtItsClosingTimeAndTheNextIsScheduled() {
        assumeThat(closeAt).as("not across midnight").isAfter(LocalTime.of(0, 1));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThat(deadlines()).as("one deadline in PostgreSQL: today's close").isEqualTo(1);

        await().atMost(Duration.ofSeconds(90)).until(() -> postgres.queryForObject("""
                SELECT count(*) FROM domainevententry WHERE payloadtype = 'com.uberpopug.ates.api.accounting.BusinessDayCloseStarted'
                  AND convert_from(payload, 'UTF8')::json ->> 'closedBy' = 'the closing time'""", Long.class) == 1);
        await().atMost(Duration.ofSeconds(60)).until(() -> postgres.queryForObject(
                "SELECT status FROM accounting_business_days WHERE day = ?", String.class, today).equals("closed"));
        assertThat(postgres.queryForObject("SELECT day FROM accounting_business_days WHERE status = 'open'", LocalDate.class))
                .isEqualTo(today.plusDays(1));
        assertThat(deadlines()).as("one deadline again: tomorrow's close").isEqualTo(1);
        String closeTrace = traceIdOfFirst("BusinessDayCloseStarted");
        assertThat(closeTrace).as("the deadline starts a trace of its own, not the one that scheduled it")
                .isNotBlank().isNotEqualTo(traceIdOfFirst("BusinessDayOpened"));
        assertThat(traceIdOfFirst("BusinessDayClosed")).as("the close the deadline started, in the same trace")
                .isEqualTo(closeTrace);
        assertThat(postgres.queryForObject("SELECT execution_time::date FROM scheduled_tasks WHERE task_name = 'AxonDeadline'",
                LocalDate.class)).isEqualTo(today.plusDays(1));
    }

    private String traceIdOfFirst(String eventType) {
        return postgres.queryForObject("""
                SELECT convert_from(metadata, 'UTF8')::jsonb ->> 'traceId' FROM domainevententry
                WHERE payloadtype = ? ORDER BY globalindex LIMIT 1""", String.class,
                "com.uberpopug.ates.api.accounting." + eventType);
    }

    private long deadlines() {
        return postgres.queryForObject("SELECT count(*) FROM scheduled_tasks WHERE task_name = 'AxonDeadline'", Long.class);
    }
}
