package com.uberpopug.ates.projections.accounting;

import com.uberpopug.ates.api.accounting.AuditLogEntry;
import com.uberpopug.ates.api.accounting.FindAuditLog;
import com.uberpopug.ates.api.accounting.Money;
import com.uberpopug.ates.api.accounting.PayoutFailed;
import com.uberpopug.ates.api.accounting.PayoutIssued;
import com.uberpopug.ates.testsupport.ScratchDatabase;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A popug reads the audit line of a failed payout: it says what happened in words, never the technical
 * reason the payments handler recorded; lines written before this rule are given the same words (V15).
 * Against the real PostgreSQL, in a database of this test's own built by the module's migrations.
 */
class FailedPayoutAuditLineTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 2);
    private static final String TECHNICAL = "The transfer failed 5 times; last: java.net.SocketTimeoutException: Read timed out";

    private final ScratchDatabase database = ScratchDatabase.create();
    private final JdbcTemplate postgres = database.jdbc();

    @AfterEach
    void dropDatabase() {
        database.close();
    }

    @Test
    void theLineOfAFailedPayoutSaysWhatHappenedNotWhy() {
        migrate(null);
        NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(postgres);
        AccountingProjection projection = new AccountingProjection(jdbc, SimpleQueryUpdateEmitter.builder().build());
        UUID popug = UUID.randomUUID();
        UUID payout = UUID.randomUUID();

        projection.on(new PayoutIssued(payout, popug, Money.dollars(30), DAY), "issued-1", Instant.parse("2026-12-02T23:59:59Z"));
        projection.on(new PayoutFailed(payout, popug, Money.dollars(30), TECHNICAL, DAY.plusDays(1)), "failed-1",
                Instant.parse("2026-12-03T00:00:20Z"));

        assertThat(new AccountingQueries(jdbc).auditLog(new FindAuditLog(popug, DAY, DAY.plusDays(1))))
                .extracting(AuditLogEntry::kind, AuditLogEntry::description)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("PAYOUT", "Payout of the business day 2026-12-02"),
                        org.assertj.core.groups.Tuple.tuple("CREDIT",
                                "Payout failed; the amount is back on the balance and is paid with a later close"));
    }

    @Test
    void linesWrittenBeforeGetTheSameWords() {
        migrate("14");
        UUID popug = UUID.randomUUID();
        postgres.update("""
                INSERT INTO acc_audit_log (event_id, popug_id, at, day, amount_cents, kind, payout_id, note)
                VALUES ('old-failed', ?, now(), ?, 3000, 'CREDIT', ?, ?)""", popug, DAY, UUID.randomUUID(),
                "Payout failed, returned: " + TECHNICAL);

        migrate(null);

        assertThat(postgres.queryForObject("SELECT note FROM acc_audit_log WHERE event_id = 'old-failed'", String.class))
                .isEqualTo(AccountingProjection.PAYOUT_RETURNED);
    }

    /** The module's migrations up to {@code version}, or all of them. */
    private void migrate(String version) {
        var flyway = Flyway.configure().dataSource(database.dataSource()).locations("classpath:db/migration");
        if (version != null) {
            flyway.target(version);
        }
        flyway.load().migrate();
    }
}
