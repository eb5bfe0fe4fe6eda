package com.uberpopug.ates.app.views;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.uberpopug.ates.api.accounting.AccountBalance;
import com.uberpopug.ates.api.accounting.AuditLogEntry;
import com.uberpopug.ates.api.accounting.DayEarnings;
import com.uberpopug.ates.api.accounting.PayoutSummary;
import com.uberpopug.ates.api.analytics.Period;
import com.uberpopug.ates.api.identity.Role;
import com.uberpopug.ates.api.tasks.CompleteTask;
import com.uberpopug.ates.api.tasks.CreateTask;
import com.uberpopug.ates.api.tasks.CreatedTask;
import com.uberpopug.ates.api.tasks.ReassignTask;
import com.uberpopug.ates.app.AtesSpringTest;
import com.uberpopug.ates.app.TestClock;
import com.uberpopug.ates.app.TestPopugs;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** "My account" and "Accounting" as their users see them, updating live. A context of its own (it closes days). */
@AtesSpringTest
@TestPropertySource(properties = "ates.test.context=account-views")
class AccountViewsTest extends KaribuViewTest {

    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate postgres;
    @Autowired
    TestClock clock;

    @Test
    void aPopugSeesTheirBalanceAndTheReasonOfEachMovementLive() {
        TestPopugs.Registered worker = TestPopugs.eligibleWorker(commands, postgres);
        login(worker.username(), Role.WORKER.name());
        UI.getCurrent().navigate(MyAccountView.class);
        MyAccountView page = _get(MyAccountView.class);
        assertThat(page.balance.getText()).isEqualTo("$0.00");
        assertThat(page.empty.isVisible()).isTrue();

        CreatedTask task = commands.sendAndWait(new CreateTask(UUID.randomUUID(), "Trim the claws", "UP-77", ""));
        commands.sendAndWait(new ReassignTask(task.taskId(), worker.id()));
        commands.sendAndWait(new CompleteTask(task.taskId(), worker.id()));

        // Balance and log are two queries: a refresh between two accounting batches may show the newer log beside
        // the older balance until the next batch's refresh, which the page is sent a moment later.
        await().pollInSameThread().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            MockVaadin.clientRoundtrip();
            assertThat(GridKt._findAll(page.log)).extracting(AuditLogEntry::description)
                    .contains("Assignment fee of 'Trim the claws' (UP-77)", "Reward for completing 'Trim the claws' (UP-77)");
            long net = GridKt._findAll(page.log).stream().mapToLong(line -> line.amount().cents()).sum();
            assertThat(page.balance.getText()).isEqualTo(new com.uberpopug.ates.api.accounting.Money(net).format());
        });
        assertThat(page.empty.isVisible()).isFalse();
    }

    @Test
    void accountantsSeeEverythingButOnlyAdminsCloseTheDay() {
        // The tasks exist before the worker does, so no creation assignment can charge them: their only
        // movements are tasks moved to them (fee) and completed (reward >= fee), until one pays more than its
        // fee. Their balance is then positive whatever the draws.
        TestPopugs.eligibleWorker(commands, postgres);
        List<CreatedTask> tasks = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            tasks.add(commands.sendAndWait(new CreateTask(UUID.randomUUID(), "Polish the bell " + i, null, "")));
        }
        TestPopugs.Registered worker = TestPopugs.register(commands, Role.WORKER);
        for (CreatedTask task : tasks) {
            commands.sendAndWait(new ReassignTask(task.taskId(), worker.id()));
            commands.sendAndWait(new CompleteTask(task.taskId(), worker.id()));
            if (priceOf(task.taskId(), "reward") > priceOf(task.taskId(), "fee")) {
                break;
            }
        }
        TestPopugs.Registered accountant = TestPopugs.register(commands, Role.ACCOUNTANT);

        login(accountant.username(), Role.ACCOUNTANT.name());
        UI.getCurrent().navigate(AccountingView.class);
        AccountingView page = _get(AccountingView.class);
        assertThat(page.closeDay.isVisible()).isFalse();
        // Accounting has taken in every movement of the worker (through Kafka) before anything is checked;
        // on a cold start (first context of a run) that can take a while. (Live updates: the test above.)
        await().pollInSameThread().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            page.refresh();
            assertThat(GridKt._findAll(page.balances)).filteredOn(b -> worker.username().equals(b.username()))
                    .singleElement().satisfies(b -> assertThat(b.balance().isPositive()).isTrue());
            assertThat(GridKt._findAll(page.earnings)).isNotEmpty();
        });
        AccountBalance workers = GridKt._findAll(page.balances).stream()
                .filter(b -> b.username().equals(worker.username())).findFirst().orElseThrow();
        page.balances.select(workers);
        assertThat(GridKt._findAll(page.log)).extracting(AuditLogEntry::kind).contains("DEBIT", "CREDIT");
        DayEarnings today = GridKt._findAll(page.earnings).get(0);
        assertThat(page.todayEarnings.getText()).isEqualTo(today.earnings().format());
        assertThat(today.earnings()).isEqualTo(today.fees().minus(today.rewards()));

        tearDownVaadin();
        setUpVaadin();
        login("admin", Role.ADMIN.name());
        clock.letOpenDayBegin(postgres);
        UI.getCurrent().navigate(AccountingView.class);
        AccountingView adminPage = _get(AccountingView.class);
        assertThat(adminPage.closeDay.isVisible()).isTrue();
        _get(adminPage.closeDay.getClass(), spec -> spec.withText("Close the business day")).click();
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));

        await().pollInSameThread().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            MockVaadin.clientRoundtrip();
            assertThat(GridKt._findAll(adminPage.payouts)).extracting(PayoutSummary::username).contains(worker.username());
        });
    }

    @Test
    void theAdminsAnalyticsShowTodaysFiguresTheMostExpensiveTaskAndTheChart() {
        TestPopugs.eligibleWorker(commands, postgres);
        String title = "Gild the cage " + UUID.randomUUID().toString().substring(0, 4);
        CreatedTask task = commands.sendAndWait(new CreateTask(UUID.randomUUID(), title, "UP-99", ""));
        commands.sendAndWait(new CompleteTask(task.taskId(), task.assigneeId()));
        long reward = priceOf(task.taskId(), "reward");

        login("admin", Role.ADMIN.name());
        UI.getCurrent().navigate(AnalyticsView.class);
        AnalyticsView page = _get(AnalyticsView.class);
        _setValue(page.period, Period.MONTH);
        // ClickHouse is fed through Kafka; the page also refreshes on its button.
        await().pollInSameThread().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            _click(page.refresh);
            assertThat(page.chart.isVisible()).isTrue();
            assertThat(page.mostExpensive.getText()).contains(" reward, completed ");
        });
        assertThat(page.earningsToday.getText()).matches("-?\\$[\\d,]+\\.\\d\\d");
        assertThat(page.negativeToday.getText()).matches("[\\d,]+");
        assertThat(page.noEarnings.isVisible()).isFalse();
        assertThat(reward).isPositive();

        _setValue(page.date, java.time.LocalDate.of(2001, 1, 1));
        assertThat(page.mostExpensive.getText()).isEqualTo("2001-01-01 to 2001-01-31: " + AnalyticsView.NO_TASK);

        // The range of the chart: its own days, and a clear refusal of one that ends before it starts.
        java.time.LocalDate to = page.to.getValue();
        assertThat(page.chartTitle.getText()).isEqualTo("Management earnings per day, " + to.minusDays(29) + " to " + to);
        _setValue(page.from, to.plusDays(1));
        assertThat(page.from.isInvalid()).isTrue();
        assertThat(page.from.getErrorMessage()).isEqualTo("The range starts after it ends.");
        assertThat(page.chart.isVisible()).isFalse();
        _setValue(page.from, to.minusDays(400));
        assertThat(page.to.getErrorMessage()).isEqualTo("A range covers at most 366 days.");
        _setValue(page.from, to.minusDays(6));
        assertThat(page.from.isInvalid()).isFalse();
        assertThat(page.chartTitle.getText()).isEqualTo("Management earnings per day, " + to.minusDays(6) + " to " + to);
        assertThat(page.chart.isVisible()).isTrue();
        assertThat(page.rangeTotal.getText()).startsWith("In all: $");
    }

    private long priceOf(UUID taskId, String part) {
        await().atMost(Duration.ofSeconds(30)).until(() -> postgres.queryForObject(
                "SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?", Long.class, "price-" + taskId) == 1);
        return Long.parseLong(postgres.queryForObject("SELECT convert_from(payload, 'UTF8')::json -> ? ->> 'cents' "
                + "FROM domainevententry WHERE aggregateidentifier = ?", String.class, part, "price-" + taskId));
    }
}
