package com.uberpopug.ates.app.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.uberpopug.ates.app.packaged.AppApi;
import com.uberpopug.ates.app.packaged.AppProcess;
import com.uberpopug.ates.testsupport.IsolatedServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dashboards in a real browser (Debian's Chromium, headless), one journey per role, against the
 * packaged application on the real services. Every page of every journey is checked for console errors,
 * failed requests, error responses and redirected resources, and with axe-core; each ends photographed
 * under {@code target/browser/}. The journeys share one application and run in order: the worker's first
 * (the only popug who can take a task then), the admin's close before the accountant reads its payouts.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserJourneysIT {

    private static final String PASSWORD = "journey-pass-1";

    private static AppProcess app;
    private static AppApi api;
    private static Chromium chromium;
    private static String admin;
    /** The business day the admin closed, whose payouts the accountant reads. */
    private static LocalDate closedDay;

    /** A failed journey leaves a picture of every page still open. */
    @RegisterExtension
    final TestWatcher photographer = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            chromium.photographOpenPages("failed-" + context.getRequiredTestMethod().getName());
        }
    };

    @BeforeAll
    static void start() throws Exception {
        Map<String, Object> properties = new HashMap<>(IsolatedServices.newNamespace());
        properties.put("ates.identity.password-strength", 4);
        properties.put("ates.login.max-failures", 3);
        app = AppProcess.start(AppProcess.packagedJar(), properties, "browser-it");
        api = new AppApi(app);
        admin = api.token("admin", IsolatedServices.ADMIN_PASSWORD);
        api.register(admin, "wanda", "WORKER", PASSWORD);
        api.register(admin, "max", "MANAGER", PASSWORD);
        chromium = Chromium.launch();
        PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
    }

    @AfterAll
    static void stop() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
        if (app != null) {
            app.stop();
        }
    }

    @Test
    @Order(1)
    void aWorkerSeesATaskArriveLiveDoesItAndSeesTheMoney() {
        WatchedPage worker = chromium.visitor(app.url(""), "worker wanda");
        WatchedPage manager = chromium.visitor(app.url(""), "manager max");
        worker.logIn("wanda", PASSWORD).open("/my-tasks");
        worker.expectVisible(worker.text("No open tasks right now."));
        worker.checkPage("worker-my-tasks-empty");

        manager.logIn("max", PASSWORD).open("/");
        manager.button("New task").click();
        manager.field("Title").fill("[UP-7] Fix the beak");
        manager.button("Create task").click();
        manager.expectVisible(manager.text("Jira id field"));
        manager.field("Title").fill("Fix the beak");
        manager.field("Jira id").fill("UP-7");
        manager.field("Description").fill("It squeaks.");
        manager.checkPage("manager-new-task");
        manager.button("Create task").click();
        manager.expectVisible(manager.notification("Task 'Fix the beak' created and given to Wanda Popug"));
        manager.expectVisible(manager.cell("Fix the beak"));
        manager.checkPage("manager-board");

        // No reload: the task arrives in the open page.
        worker.expectVisible(worker.cell("Fix the beak"));
        worker.checkPage("worker-my-tasks");
        worker.button("Done: Fix the beak").click();
        worker.expectVisible(worker.notification("Done: Fix the beak"));
        assertThat(worker.cell("Fix the beak")).hasCount(0);
        worker.expectVisible(worker.text("No open tasks right now."));
        worker.assertClean("after Done");

        worker.open("/my-account");
        JsonNode log = api.get("/api/accounts/me/log", api.token("wanda", PASSWORD));
        assertThat(worker.cell("Fix the beak")).hasCount(2);
        for (JsonNode line : log) {
            worker.expectVisible(worker.cell(moneyOf(line.get("amount"))));
        }
        worker.checkPage("worker-my-account");
        worker.close();
        manager.close();
    }

    @Test
    @Order(2)
    void aManagerShufflesAndAWorkersListFollowsLive() {
        api.register(admin, "walt", "WORKER", PASSWORD);
        String max = api.token("max", PASSWORD);
        for (int i = 1; i <= 6; i++) {
            api.post("/api/tasks", max, Map.of("title", "Polish perch " + i, "description", ""), 201);
        }
        WatchedPage worker = chromium.visitor(app.url(""), "worker wanda");
        worker.logIn("wanda", PASSWORD).open("/my-tasks");
        WatchedPage manager = chromium.visitor(app.url(""), "manager max");
        manager.logIn("max", PASSWORD).open("/");
        manager.expectVisible(manager.cell("Polish perch 6"));

        manager.button("Shuffle").click();
        manager.expectVisible(manager.text("Shuffle every open task?"));
        manager.checkPage("manager-shuffle-confirmation");
        manager.page.locator("vaadin-confirm-dialog-overlay").getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Shuffle")).click();
        manager.expectVisible(manager.notification("6 tasks reshuffled"));
        manager.expectVisible(manager.text("6 tasks reshuffled"));
        manager.checkPage("manager-shuffled");

        // Wanda's page follows the shuffle without a reload: it shows exactly her open tasks.
        String wanda = api.token("wanda", PASSWORD);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode mine = api.get("/api/tasks/mine?status=open", wanda);
            assertThat(worker.text(mine.get("total").asInt() == 1 ? "1 open task" : mine.get("total").asInt() + " open tasks")).isVisible();
            for (JsonNode task : mine.get("items")) {
                assertThat(worker.cell(task.get("title").asText()).first()).isVisible();
            }
            assertThat(worker.cell("Polish perch")).hasCount(mine.get("total").asInt());
        });
        worker.checkPage("worker-my-tasks-after-shuffle");
        worker.close();
        manager.close();
    }

    @Test
    @Order(3)
    void anAdminRegistersAPopugReadsAnalyticsForARangeAndClosesTheDay() {
        WatchedPage page = chromium.visitor(app.url(""), "admin");
        page.logIn("admin", IsolatedServices.ADMIN_PASSWORD).open("/popugs");
        page.field("Username").fill("Al");
        page.field("Full name").fill("Alice Popug");
        page.field("E-mail").fill("alice@uberpopug.com");
        page.field("Password").fill(PASSWORD);
        page.field("Role").click();
        page.page.locator("vaadin-select-overlay[opened] vaadin-select-item").filter(new Locator.FilterOptions().setHasText("ACCOUNTANT")).click();
        page.button("Register popug").click();
        page.expectVisible(page.text("A username is 3 to 32 characters"));
        page.field("Username").fill("alice");
        page.button("Register popug").click();
        page.expectVisible(page.notification("Registered alice as ACCOUNTANT"));
        page.expectVisible(page.cell("alice@uberpopug.com"));
        page.checkPage("admin-popugs");

        LocalDate today = LocalDate.parse(api.get("/api/analytics/summary", admin).get("day").asText());
        page.open("/analytics");
        page.expectVisible(page.text("Business day " + today + " (open)"));
        page.expectVisible(page.text("Management earnings per day, " + today.minusDays(29) + " to " + today));
        page.field("From").fill(today.minusDays(6).toString());
        page.field("From").press("Enter");
        page.expectVisible(page.text("Management earnings per day, " + today.minusDays(6) + " to " + today));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            page.button("Refresh").click();
            String earned = moneyOf(api.get("/api/analytics/summary", admin).get("managementEarnings"));
            assertThat(page.page.locator("#earnings-today")).hasText(earned);
            // The chart: today's bar says its day and amount; the amount axis starts at zero.
            assertThat(page.page.locator("svg rect title").last()).hasText(today + ": " + earned);
            assertThat(page.page.locator("svg text").filter(new Locator.FilterOptions().setHasText("$0.00"))).hasCount(1);
        });
        page.checkPage("admin-analytics");
        page.field("From").fill(today.plusDays(1).toString());
        page.field("From").press("Enter");
        page.expectVisible(page.text("The range starts after it ends."));
        page.assertClean("a range that starts after it ends");

        // Accounting moves (a task done elsewhere): the open page follows.
        page.field("From").fill(today.minusDays(6).toString());
        page.field("From").press("Enter");
        String before = page.page.locator("#earnings-today").innerText();
        api.post("/api/tasks", admin, Map.of("title", "Sharpen claws", "description", ""), 201);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            String now = moneyOf(api.get("/api/analytics/summary", admin).get("managementEarnings"));
            org.assertj.core.api.Assertions.assertThat(now).isNotEqualTo(before);
            assertThat(page.page.locator("#earnings-today")).hasText(now);
        });
        page.assertClean("analytics after a task was made elsewhere");

        api.putInTheBlack(admin, "wanda", PASSWORD);
        page.open("/accounting");
        page.expectVisible(page.text("Management earnings of business day " + today + " (open)"));
        page.button("Close the business day").click();
        page.expectVisible(page.text("Close the business day " + today + " now?"));
        page.checkPage("admin-close-confirmation");
        page.button("Close the day").click();
        page.expectVisible(page.notification("The business day " + today + " is closing"));
        await().atMost(Duration.ofSeconds(60)).until(() ->
                "closed".equals(api.get("/api/accounting/closes/" + today, admin).get("status").asText()));
        page.expectVisible(page.text("Management earnings of business day " + today.plusDays(1) + " (open)"));
        page.checkPage("admin-accounting-after-close");
        page.close();
        closedDay = today;
    }

    @Test
    @Order(4)
    void anAccountantReadsBalancesAPopugsLogByDayAndThePayouts() {
        WatchedPage page = chromium.visitor(app.url(""), "accountant alice");
        page.logIn("alice", PASSWORD).open("/accounting");
        page.expectVisible(page.cell("wanda"));
        page.expectVisible(page.cell("walt"));
        assertThat(page.button("Close the business day")).isHidden();
        page.cell("wanda").first().click();
        page.field("Business day").first().fill(closedDay.toString());
        page.field("Business day").first().press("Enter");
        page.expectVisible(page.text("Audit log of wanda on " + closedDay + ":"));
        page.expectVisible(page.cell("Assignment fee of 'Fix the beak' (UP-7)"));
        page.expectVisible(page.cell("Reward for completing 'Fix the beak' (UP-7)"));

        page.field("Business day").last().fill(closedDay.toString());
        page.field("Business day").last().press("Enter");
        JsonNode payouts = api.get("/api/payouts?day=" + closedDay, admin);
        org.assertj.core.api.Assertions.assertThat(payouts.size()).as("payouts of the closed day: %s", payouts).isPositive();
        for (JsonNode payout : payouts) {
            page.expectVisible(page.cell(moneyOf(payout.get("amount"))));
        }
        page.checkPage("accountant-accounting");
        page.close();
    }

    @Test
    @Order(5)
    void loginMistakesLogoutAndAPageTheRoleMayNotSeeGetClearMessages() {
        WatchedPage page = chromium.visitor(app.url(""), "visitor");
        page.submitLogin("wanda", "not-her-password");
        page.expectVisible(page.text("Wrong username or password"));
        page.checkPage("login-wrong-password");
        page.submitLogin("wanda", "not-her-password");
        page.submitLogin("wanda", "not-her-password");
        page.submitLogin("wanda", PASSWORD);
        page.expectVisible(page.text("Cannot log in now"));
        page.assertClean("login throttled");
        page.close();

        WatchedPage worker = chromium.visitor(app.url(""), "worker walt");
        worker.logIn("walt", PASSWORD).open("/analytics");
        worker.expectVisible(worker.text("Your role may not open this page."));
        worker.checkPage("worker-forbidden-page");
        worker.button("Log out").click();
        worker.expectVisible(worker.button("Log in"));
        worker.open("/my-tasks");
        worker.expectVisible(worker.button("Log in"));
        worker.assertClean("after logging out");
        worker.close();
    }

    /** As the pages write an amount of the API: {@code -$1,234.50}. */
    private static String moneyOf(JsonNode dollars) {
        BigDecimal amount = dollars.decimalValue();
        return (amount.signum() < 0 ? "-$" : "$") + String.format(Locale.ENGLISH, "%,.2f", amount.abs());
    }
}
