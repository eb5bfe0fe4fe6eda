package com.uberpopug.ates.analytics;

import com.uberpopug.ates.api.accounting.AccountCredited;
import com.uberpopug.ates.api.accounting.AccountDebited;
import com.uberpopug.ates.api.accounting.Money;
import com.uberpopug.ates.api.accounting.PayoutIssued;
import com.uberpopug.ates.api.analytics.EarningsOfDay;
import com.uberpopug.ates.api.analytics.FindAnalyticsSummary;
import com.uberpopug.ates.api.analytics.FindEarningsPerDay;
import com.uberpopug.ates.api.analytics.FindMostExpensiveTask;
import com.uberpopug.ates.api.analytics.MostExpensiveTask;
import com.uberpopug.ates.api.analytics.Period;
import com.uberpopug.ates.api.identity.PopugDeactivated;
import com.uberpopug.ates.api.identity.PopugRegistered;
import com.uberpopug.ates.api.identity.PopugRoleChanged;
import com.uberpopug.ates.api.identity.Role;
import com.uberpopug.ates.api.tasks.TaskCreated;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static com.uberpopug.ates.api.accounting.Money.dollars;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The three questions on a known stream of facts, against the real ClickHouse: across a week that spans
 * two months (Mon 2026-11-30 .. Sun 2026-12-06), with business days of the company's zone (a reward paid
 * at 23:30 UTC on Nov 30 that belongs to the business day Dec 1 in Berlin), and with every event delivered
 * twice.
 */
class AnalyticsQueriesTest {

    private static final LocalDate SUN_NOV_29 = LocalDate.of(2026, 11, 29);
    private static final LocalDate MON_NOV_30 = LocalDate.of(2026, 11, 30);
    private static final LocalDate TUE_DEC_1 = LocalDate.of(2026, 12, 1);
    private static final UUID ANN = UUID.randomUUID();
    private static final UUID BOB = UUID.randomUUID();
    private static final UUID CAT = UUID.randomUUID();
    private static final UUID BEAK = UUID.randomUUID();
    private static final UUID PERCH = UUID.randomUUID();
    private static final UUID SEEDS = UUID.randomUUID();
    private static final UUID BELL = UUID.randomUUID();

    private final String database = "ates_analytics_test_" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0xfffff));
    private final ClickHouse clickHouse = new ClickHouse(new ClickHouseProperties(null, database, null, null));
    private final TaskFactsProjector tasks = new TaskFactsProjector(clickHouse);
    private final MoneyFactsProjector money = new MoneyFactsProjector(clickHouse, SimpleQueryUpdateEmitter.builder().build());
    private final AnalyticsQueries analytics = new AnalyticsQueries(clickHouse);

    @BeforeEach
    void schema() {
        new ClickHouseSchema(clickHouse).migrate();
    }

    @AfterEach
    void dropDatabase() {
        clickHouse.serverJdbc().execute("DROP DATABASE IF EXISTS " + database);
    }

    @Test
    void earningsNegativePopugsAndTheMostExpensiveTaskOfDayWeekAndMonth() {
        deliverTheStream();
        assertAnswers();
    }

    @Test
    void aStreamDeliveredTwiceGivesTheSameAnswers() {
        deliverTheStream();
        deliverTheStream();
        assertAnswers();
    }

    @Test
    void factsStoredBeforeTheRollupsGiveTheSameAnswersAfterTheMigration() {
        deliverTheStream();
        ClickHouse older = new ClickHouse(new ClickHouseProperties(null, database + "_older", null, null));
        try {
            new ClickHouseSchema(older).migrateTo(3); // facts ordered by event id, no rollups
            for (String table : List.of("tasks", "balance_changes")) {
                older.jdbc().execute("INSERT INTO " + table + " SELECT * FROM " + database + "." + table);
                older.jdbc().execute("INSERT INTO " + table + " SELECT * FROM " + database + "." + table); // and twice
            }
            new ClickHouseSchema(older).migrate();
            assertAnswers(new AnalyticsQueries(older));
            // A later fact of a migrated day: the day's earnings and top reward come from its popug rows (V6) now.
            new MoneyFactsProjector(older, SimpleQueryUpdateEmitter.builder().build())
                    .on(new AccountDebited(CAT, dollars(7), BELL, SUN_NOV_29, "e-9"), "e-9", at("2026-11-29T18:00:00Z"));
            assertThat(new AnalyticsQueries(older).summary(new FindAnalyticsSummary(SUN_NOV_29)).managementEarnings())
                    .isEqualTo(dollars(12));
            assertThat(mostExpensive(new AnalyticsQueries(older), Period.DAY, SUN_NOV_29)).isEqualTo(BEAK);
        } finally {
            older.serverJdbc().execute("DROP DATABASE IF EXISTS " + database + "_older");
        }
    }

    @Test
    void theTopRewardOfADayIsTheEarlierOfEqualRewardsWhateverOrderTheyComeIn() {
        money.on(new AccountCredited(BOB, dollars(50), BEAK, MON_NOV_30, "e-1"), "e-1", at("2026-11-30T15:00:00Z"));
        money.on(new AccountCredited(ANN, dollars(50), PERCH, MON_NOV_30, "e-2"), "e-2", at("2026-11-30T14:00:00Z"));
        // Ann's lower reward, completed and come later, does not take her higher one's place.
        money.on(new AccountCredited(ANN, dollars(20), SEEDS, MON_NOV_30, "e-3"), "e-3", at("2026-11-30T17:00:00Z"));
        money.on(new AccountDebited(CAT, dollars(15), BELL, MON_NOV_30, "e-4"), "e-4", at("2026-11-30T16:00:00Z"));

        assertThat(analytics.mostExpensive(new FindMostExpensiveTask(Period.DAY, MON_NOV_30)).task().reward())
                .isEqualTo(dollars(50));
        assertThat(mostExpensive(analytics, Period.DAY, MON_NOV_30)).as("the earlier of the two 50s").isEqualTo(PERCH);
        assertThat(analytics.summary(new FindAnalyticsSummary(MON_NOV_30)).managementEarnings()).isEqualTo(dollars(-105));
    }

    @Test
    void withoutFactsEverythingIsZeroOrNone() {
        assertThat(analytics.summary(new FindAnalyticsSummary(MON_NOV_30)).managementEarnings()).isEqualTo(Money.ZERO);
        assertThat(analytics.summary(new FindAnalyticsSummary(MON_NOV_30)).negativePopugs()).isZero();
        assertThat(analytics.mostExpensive(new FindMostExpensiveTask(Period.MONTH, MON_NOV_30)).task()).isNull();
        assertThat(analytics.earnings(new FindEarningsPerDay(MON_NOV_30, TUE_DEC_1)))
                .extracting(EarningsOfDay::earnings).containsExactly(Money.ZERO, Money.ZERO);
    }

    @Test
    void popugsKeepTheirLatestRoleAndStateAlsoWhenEventsComeTwice() {
        PopugFactsProjector popugs = new PopugFactsProjector(clickHouse);
        for (int delivery = 0; delivery < 2; delivery++) {
            popugs.on(new PopugRegistered(ANN, "ann", "Ann Parrot", "ann@uberpopug.com", Role.WORKER), at("2026-11-20T10:00:00Z"));
            popugs.on(new PopugRoleChanged(ANN, Role.WORKER, Role.ACCOUNTANT), at("2026-11-21T10:00:00Z"));
            popugs.on(new PopugDeactivated(ANN), at("2026-11-22T10:00:00Z"));
        }
        assertThat(clickHouse.jdbc().queryForList("SELECT concat(username, ' ', role, ' ', toString(active)) FROM popugs FINAL",
                String.class)).containsExactly("ann ACCOUNTANT 0");
    }

    private void deliverTheStream() {
        task("e-t1", BEAK, "Fix beak", "UP-1");
        task("e-t2", PERCH, "Polish perch", null);
        task("e-t3", SEEDS, "Count seeds", "UP-3");
        task("e-t4", BELL, "Ring bell", null);
        // Sunday Nov 29: fees 15 + 20, reward 30 → earnings 5. Ann is paid her 15 at the close.
        money.on(new AccountDebited(ANN, dollars(15), BEAK, SUN_NOV_29, "e-1"), "e-1", at("2026-11-29T09:00:00Z"));
        money.on(new AccountDebited(BOB, dollars(20), PERCH, SUN_NOV_29, "e-2"), "e-2", at("2026-11-29T09:05:00Z"));
        money.on(new AccountCredited(ANN, dollars(30), BEAK, SUN_NOV_29, "e-3"), "e-3", at("2026-11-29T15:00:00Z"));
        money.on(new PayoutIssued(UUID.randomUUID(), ANN, dollars(15), SUN_NOV_29), "e-4", at("2026-11-29T22:59:59Z"));
        // Monday Nov 30: fees 12 + 10, reward 40 → earnings -18.
        money.on(new AccountDebited(ANN, dollars(12), SEEDS, MON_NOV_30, "e-5"), "e-5", at("2026-11-30T08:00:00Z"));
        money.on(new AccountDebited(CAT, dollars(10), BELL, MON_NOV_30, "e-6"), "e-6", at("2026-11-30T08:30:00Z"));
        money.on(new AccountCredited(BOB, dollars(40), PERCH, MON_NOV_30, "e-7"), "e-7", at("2026-11-30T12:00:00Z"));
        // 23:30 UTC on Nov 30 is 00:30 on Dec 1 in Berlin: the business day Dec 1 (and the month December).
        money.on(new AccountCredited(CAT, dollars(25), BELL, TUE_DEC_1, "e-8"), "e-8", at("2026-11-30T23:30:00Z"));
    }

    private void assertAnswers() {
        assertAnswers(analytics);
    }

    private static void assertAnswers(AnalyticsQueries analytics) {
        assertThat(analytics.summary(new FindAnalyticsSummary(SUN_NOV_29)).managementEarnings()).isEqualTo(dollars(5));
        assertThat(analytics.summary(new FindAnalyticsSummary(MON_NOV_30)).managementEarnings()).isEqualTo(dollars(-18));
        assertThat(analytics.summary(new FindAnalyticsSummary(TUE_DEC_1)).managementEarnings()).isEqualTo(dollars(-25));
        // Balances after each day: Sun Ann 0, Bob -20 | Mon Ann -12, Bob 20, Cat -10 | Tue Ann -12, Bob 20, Cat 15.
        assertThat(analytics.summary(new FindAnalyticsSummary(SUN_NOV_29)).negativePopugs()).isEqualTo(1);
        assertThat(analytics.summary(new FindAnalyticsSummary(MON_NOV_30)).negativePopugs()).isEqualTo(2);
        assertThat(analytics.summary(new FindAnalyticsSummary(TUE_DEC_1)).negativePopugs()).isEqualTo(1);
        // Later days of December: Dec 1 is in the month's first span of seven days, counted as a whole span.
        assertThat(analytics.summary(new FindAnalyticsSummary(TUE_DEC_1.plusDays(8))).negativePopugs()).as("Dec 9").isEqualTo(1);
        assertThat(analytics.summary(new FindAnalyticsSummary(TUE_DEC_1.plusDays(30))).negativePopugs()).as("Dec 31").isEqualTo(1);
        assertThat(analytics.summary(new FindAnalyticsSummary(TUE_DEC_1.plusDays(31))).negativePopugs()).as("Jan 1").isEqualTo(1);

        List<EarningsOfDay> range = analytics.earnings(new FindEarningsPerDay(SUN_NOV_29.minusDays(1), TUE_DEC_1.plusDays(1)));
        assertThat(range).extracting(EarningsOfDay::earnings)
                .containsExactly(Money.ZERO, dollars(5), dollars(-18), dollars(-25), Money.ZERO);

        assertThat(mostExpensive(analytics, Period.DAY, SUN_NOV_29)).isEqualTo(BEAK);
        assertThat(mostExpensive(analytics, Period.DAY, MON_NOV_30)).isEqualTo(PERCH);
        assertThat(mostExpensive(analytics, Period.WEEK, SUN_NOV_29)).as("Mon 23 .. Sun 29").isEqualTo(BEAK);
        assertThat(mostExpensive(analytics, Period.WEEK, TUE_DEC_1)).as("Mon 30 .. Sun Dec 6").isEqualTo(PERCH);
        assertThat(mostExpensive(analytics, Period.MONTH, SUN_NOV_29)).as("November").isEqualTo(PERCH);
        assertThat(mostExpensive(analytics, Period.MONTH, TUE_DEC_1)).as("December").isEqualTo(BELL);
        assertThat(analytics.mostExpensive(new FindMostExpensiveTask(Period.DAY, LocalDate.of(2026, 11, 25))).task())
                .as("no completion that day").isNull();

        MostExpensiveTask november = analytics.mostExpensive(new FindMostExpensiveTask(Period.MONTH, MON_NOV_30));
        assertThat(november.from()).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(november.to()).isEqualTo(MON_NOV_30);
        assertThat(november.task().title()).isEqualTo("Polish perch");
        assertThat(november.task().jiraId()).isNull();
        assertThat(november.task().reward()).isEqualTo(dollars(40));
        assertThat(november.task().completedAt()).isEqualTo(at("2026-11-30T12:00:00Z"));
        assertThat(analytics.mostExpensive(new FindMostExpensiveTask(Period.DAY, SUN_NOV_29)).task().jiraId()).isEqualTo("UP-1");
    }

    private static UUID mostExpensive(AnalyticsQueries analytics, Period period, LocalDate date) {
        return analytics.mostExpensive(new FindMostExpensiveTask(period, date)).task().id();
    }

    private void task(String eventId, UUID taskId, String title, String jiraId) {
        TaskCreated created = new TaskCreated(taskId, title, jiraId, "");
        Instant at = at("2026-11-28T10:00:00Z");
        tasks.on(created, at, new GenericEventMessage<>(eventId, created, Map.of(), at));
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }
}
