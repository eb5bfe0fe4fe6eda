package com.uberpopug.ates.projections.accounting;

import com.uberpopug.ates.messaging.api.PerBatch;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * The money movements of one processor batch, written in one statement just before the batch's token is
 * stored (same transaction): the batch's audit lines, and for the lines that are new the sum per popug onto
 * the balances and the sum per day onto the day's earnings. Written one movement at a time, every movement
 * locked its day's earnings row until the commit, and the other segments of the processor waited for it;
 * now a batch takes that lock once, at its end.
 *
 * <p>Redelivery and replay count nothing twice: only lines the audit log did not hold move money, and an
 * event delivered twice in one batch counts once. Outside a unit of work each movement is written at once.
 */
final class AuditMovements {

    private static final String WRITE = """
            WITH moved AS (
                SELECT DISTINCT ON (event_id) event_id, popug_id, at, day, amount_cents, kind, task_id, payout_id, note,
                                              fee, reward
                FROM unnest(?::varchar[], ?::uuid[], ?::timestamptz[], ?::date[], ?::bigint[], ?::varchar[], ?::uuid[],
                            ?::uuid[], ?::varchar[], ?::bigint[], ?::bigint[])
                     AS m(event_id, popug_id, at, day, amount_cents, kind, task_id, payout_id, note, fee, reward)),
            logged AS (
                INSERT INTO acc_audit_log (event_id, popug_id, at, day, amount_cents, kind, task_id, payout_id, note)
                SELECT event_id, popug_id, at, day, amount_cents, kind, task_id, payout_id, note FROM moved
                ON CONFLICT (event_id) DO NOTHING
                RETURNING event_id),
            counted AS (SELECT moved.* FROM moved JOIN logged USING (event_id)),
            balances AS (
                INSERT INTO acc_balances (popug_id, balance_cents)
                SELECT popug_id, sum(amount_cents) FROM counted GROUP BY popug_id ORDER BY popug_id
                ON CONFLICT (popug_id) DO UPDATE SET balance_cents = acc_balances.balance_cents + EXCLUDED.balance_cents)
            INSERT INTO acc_earnings (day, fees_cents, rewards_cents)
            SELECT day, sum(fee), sum(reward) FROM counted GROUP BY day ORDER BY day
            ON CONFLICT (day) DO UPDATE SET fees_cents = acc_earnings.fees_cents + EXCLUDED.fees_cents,
                                            rewards_cents = acc_earnings.rewards_cents + EXCLUDED.rewards_cents""";

    private AuditMovements() {
    }

    /** Adds the movement to the current batch, or writes it at once outside one. */
    static void add(JdbcTemplate jdbc, Movement movement) {
        PerBatch.resource(PerBatch.key(AuditMovements.class, jdbc), ArrayList<Movement>::new, batch -> write(jdbc, batch))
                .ifPresentOrElse(batch -> batch.add(movement), () -> write(jdbc, List.of(movement)));
    }

    private static void write(JdbcTemplate jdbc, List<Movement> movements) {
        jdbc.update(WRITE, column(movements, Movement::eventId), column(movements, Movement::popugId),
                column(movements, Movement::at), column(movements, Movement::day), column(movements, Movement::amount),
                column(movements, Movement::kind), column(movements, Movement::taskId),
                column(movements, Movement::payoutId), column(movements, Movement::note),
                column(movements, Movement::fee), column(movements, Movement::reward));
    }

    /** As text, cast in the statement: one array type for every column, and the driver needs no type of its own. */
    private static String[] column(List<Movement> movements, Function<Movement, Object> value) {
        return movements.stream().map(value).map(field -> Objects.toString(field, null)).toArray(String[]::new);
    }

    /**
     * One audit line: {@code amount} moves the balance, {@code fee} and {@code reward} are what it adds to its
     * day's earnings figures.
     */
    record Movement(String eventId, UUID popugId, Instant at, LocalDate day, long amount, String kind, UUID taskId,
                    UUID payoutId, String note, long fee, long reward) {
    }
}
