package com.uberpopug.ates.app.accounting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.uberpopug.ates.api.identity.Role;
import com.uberpopug.ates.api.tasks.ReassignTask;
import com.uberpopug.ates.app.AtesSpringTest;
import com.uberpopug.ates.app.ApiClient;
import com.uberpopug.ates.app.GreenMailInbox;
import com.uberpopug.ates.app.TestPopugs;
import com.uberpopug.ates.identity.access.ApiTokens;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A whole business day through the HTTP API, with everything real: popugs, tasks, a shuffle, completions
 * and the close, through Kafka into accounting, PostgreSQL and SMTP. Then the money is checked from
 * three sides: the event store (prices and task events), the read models (API) and the mails.
 */
@AtesSpringTest
@TestPropertySource(properties = "ates.test.context=accounting-day")
class AccountingDayTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate postgres;
    @Autowired
    ApiTokens tokens;
    private ApiClient api;

    @BeforeEach
    void apiClient() {
        api = new ApiClient(mvc, json, tokens);
    }

    @Test
    void aWholeDayAddsUpToTheCent() throws Exception {
        List<TestPopugs.Registered> workers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            workers.add(TestPopugs.eligibleWorker(commands, postgres));
        }
        TestPopugs.Registered manager = TestPopugs.register(commands, Role.MANAGER);
        TestPopugs.Registered accountant = TestPopugs.register(commands, Role.ACCOUNTANT);
        TestPopugs.eligibleWorker(commands, postgres); // accountants take tasks too; this one is a worker

        List<UUID> tasks = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            tasks.add(UUID.fromString(api.body(api.call(post("/api/tasks"), manager.username(),
                    Map.of("title", "Day task " + i, "jiraId", "UP-" + (100 + i), "description", "")))
                    .get("id").asText()));
        }
        api.call(post("/api/tasks/shuffle"), manager.username(), null).andExpect(status().isOk());
        // Half of the tasks are completed by whoever holds them after the shuffle.
        for (UUID task : tasks.subList(0, 6)) {
            api.call(post("/api/tasks/" + task + "/complete"), usernameOf(lastAssignee(task)), null)
                    .andExpect(status().isOk());
        }
        long assignments = postgres.queryForObject("SELECT count(*) FROM domainevententry WHERE payloadtype = "
                + "'com.uberpopug.ates.api.tasks.TaskAssigned' AND aggregateidentifier IN (" + inList(tasks) + ")", Long.class);
        assertThat(assignments).isEqualTo(24);

        // Someone must end the day in the black for the close to pay: top one worker up if the draws said no.
        Expected expected = expected(tasks);
        for (int i = 0; expected.positiveCount() == 0 && i < 10; i++) {
            UUID extra = UUID.fromString(api.body(api.call(post("/api/tasks"), manager.username(),
                    Map.of("title", "Day task bonus " + i, "jiraId", "UP-1" + i, "description", ""))).get("id").asText());
            commands.sendAndWait(new ReassignTask(extra, workers.get(0).id()));
            api.call(post("/api/tasks/" + extra + "/complete"), workers.get(0).username(), null).andExpect(status().isOk());
            tasks.add(extra);
            expected = expected(tasks);
        }
        long fees = expected.fees();
        long rewards = expected.rewards();
        long expectedFees = fees;
        long expectedRewards = rewards;
        Map<UUID, Long> expectedBalances = expected.balances();

        // The read models, through the API, once Kafka has brought everything.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode balances = api.body(api.call(get("/api/accounts"), accountant.username(), null).andExpect(status().isOk()));
            for (Map.Entry<UUID, Long> popug : expectedBalances.entrySet()) {
                assertThat(balanceIn(balances, popug.getKey())).as("balance of " + popug.getKey())
                        .isEqualByComparingTo(dollars(popug.getValue()));
            }
            JsonNode today = api.body(api.call(get("/api/accounting/earnings"), accountant.username(), null)).get(0);
            assertThat(today.get("fees").decimalValue()).isEqualByComparingTo(dollars(expectedFees));
            assertThat(today.get("rewards").decimalValue()).isEqualByComparingTo(dollars(expectedRewards));
            assertThat(today.get("earnings").decimalValue()).isEqualByComparingTo(dollars(expectedFees - expectedRewards));
        });
        // A worker sees their own balance and audit log, and the lines add up to the balance.
        TestPopugs.Registered someone = workers.stream().filter(w -> expectedBalances.containsKey(w.id())).findFirst().orElseThrow();
        api.call(get("/api/accounts/me"), someone.username(), null)
                .andExpect(jsonPath("$.balance").value(dollars(expectedBalances.get(someone.id())).doubleValue()));
        JsonNode lines = api.body(api.call(get("/api/accounts/me/log"), someone.username(), null).andExpect(status().isOk()));
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode line : lines) {
            assertThat(line.get("kind").asText()).isIn("DEBIT", "CREDIT");
            assertThat(line.get("taskTitle").asText()).startsWith("Day task ");
            assertThat(line.get("jiraId").asText()).startsWith("UP-1");
            sum = sum.add(line.get("amount").decimalValue());
        }
        assertThat(sum).isEqualByComparingTo(dollars(expectedBalances.get(someone.id())));

        // The close: every positive balance paid once, through the ledger and one mail each.
        JsonNode closed = api.body(api.call(post("/api/accounting/close-day"), "admin", Map.of()).andExpect(status().isOk()));
        String day = closed.get("day").asText();
        long positive = expectedBalances.values().stream().filter(cents -> cents > 0).count();
        long paid = expectedBalances.values().stream().filter(cents -> cents > 0).mapToLong(Long::longValue).sum();
        assertThat(positive).as("popugs in the black").isPositive();
        assertThat(closed.get("payouts").asLong()).isEqualTo(positive);
        assertThat(closed.get("total").decimalValue()).isEqualByComparingTo(dollars(paid));
        assertThat(closed.get("status").asText()).isEqualTo("closed");
        assertThat(closed.get("settled").asInt()).as("every account settled").isEqualTo(closed.get("accounts").asInt())
                .isGreaterThanOrEqualTo(expectedBalances.size());
        JsonNode followed = api.body(api.call(get("/api/accounting/closes/" + day), accountant.username(), null).andExpect(status().isOk()));
        assertThat(followed).as("the close as its Location tells it").isEqualTo(closed);
        api.call(get("/api/accounting/closes/2000-01-01"), "admin", null).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("No close of the business day 2000-01-01 has started."));

        // A second close on the same calendar day (a retried request, a double click) is refused: the day it would
        // close has not begun. That day keeps its own automatic close, the one deadline in PostgreSQL.
        LocalDate next = LocalDate.parse(day).plusDays(1);
        api.call(post("/api/accounting/close-day"), "admin", Map.of()).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("The open business day " + next + " has not begun yet: it begins at "
                        + next + " 00:00 (UTC) and closes by itself at " + next + " 23:59:59 (UTC). "
                        + "Business days never run ahead of the calendar."));
        assertThat(postgres.queryForList("SELECT execution_time FROM scheduled_tasks WHERE task_name = 'AxonDeadline'",
                java.sql.Timestamp.class)).extracting(java.sql.Timestamp::toInstant)
                .containsExactly(next.atTime(23, 59, 59).toInstant(java.time.ZoneOffset.UTC));
        assertThat(postgres.queryForObject("""
                SELECT convert_from(task_data, 'UTF8')::jsonb ->> 'd' FROM scheduled_tasks WHERE task_name = 'AxonDeadline'""",
                String.class)).as("the deadline's data is JSON, not a Java-serialized object").isEqualTo("close-business-day");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode payouts = api.body(api.call(get("/api/payouts").param("day", day), accountant.username(), null));
            assertThat(payouts).hasSize((int) positive);
            for (JsonNode payout : payouts) {
                UUID popug = UUID.fromString(payout.get("popugId").asText());
                assertThat(payout.get("amount").decimalValue()).isEqualByComparingTo(dollars(expectedBalances.get(popug)));
                assertThat(payout.get("status").asText()).isEqualTo("SENT");
            }
            JsonNode balances = api.body(api.call(get("/api/accounts"), accountant.username(), null));
            for (Map.Entry<UUID, Long> popug : expectedBalances.entrySet()) {
                // Money is conserved: payout + balance after the close = credits - debits of the day.
                long payout = Math.max(popug.getValue(), 0);
                assertThat(balanceIn(balances, popug.getKey()).add(dollars(payout)))
                        .isEqualByComparingTo(dollars(popug.getValue()));
            }
        });
        for (TestPopugs.Registered worker : workers) {
            long balance = expectedBalances.getOrDefault(worker.id(), 0L);
            List<String> mails = GreenMailInbox.subjects(worker.username() + "@uberpopug.com");
            if (balance > 0) {
                await().atMost(Duration.ofSeconds(30)).until(() -> GreenMailInbox.subjects(worker.username() + "@uberpopug.com").size() == 1);
                assertThat(GreenMailInbox.subjects(worker.username() + "@uberpopug.com")).containsExactly(
                        "aTES payout for " + day + ": " + new com.uberpopug.ates.api.accounting.Money(balance).format());
            } else {
                assertThat(mails).isEmpty();
            }
        }
        assertThat(postgres.queryForObject("SELECT count(*) FROM payments_ledger", Long.class)).isEqualTo(positive);

        // The earnings of the closed day stay, marked closed; the day cannot be closed again.
        api.call(get("/api/accounting/earnings").param("from", day).param("to", day), accountant.username(), null)
                .andExpect(jsonPath("$[0].closed").value(true))
                .andExpect(jsonPath("$[0].earnings").value(dollars(expectedFees - expectedRewards).doubleValue()));
        api.call(post("/api/accounting/close-day"), "admin", Map.of("day", day)).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("The business day " + day + " is already closed; the open day is " + next + "."));

        // Analytics (ClickHouse) agrees with accounting (PostgreSQL) on the same stream: the day's earnings,
        // the number of popugs in the negative, and the most expensive completed task is one of the day's.
        long negative = expectedBalances.values().stream().filter(cents -> cents < 0).count();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode summary = api.body(api.call(get("/api/analytics/summary").param("day", day), "admin", null)
                    .andExpect(status().isOk()));
            assertThat(summary.get("managementEarnings").decimalValue()).isEqualByComparingTo(dollars(expectedFees - expectedRewards));
            assertThat(summary.get("negativePopugs").asLong()).isEqualTo(negative);
            JsonNode perDay = api.body(api.call(get("/api/analytics/earnings").param("from", day).param("to", day), "admin", null));
            assertThat(perDay.get(0).get("earnings").decimalValue()).isEqualByComparingTo(dollars(expectedFees - expectedRewards));
        });
        JsonNode accountingNegative = api.body(api.call(get("/api/accounts"), accountant.username(), null));
        long negativeInPostgres = 0;
        for (JsonNode balance : accountingNegative) {
            negativeInPostgres += balance.get("balance").decimalValue().signum() < 0 ? 1 : 0;
        }
        assertThat(negativeInPostgres).as("negative balances in the PostgreSQL projection").isEqualTo(negative);
        JsonNode expensive = api.body(api.call(get("/api/analytics/most-expensive-task").param("period", "week").param("date", day),
                "admin", null).andExpect(status().isOk()));
        assertThat(expensive.get("period").asText()).isEqualTo("week");
        assertThat(expensive.get("task").get("title").asText()).startsWith("Day task ");
        assertThat(expensive.get("task").get("reward").decimalValue()).isEqualByComparingTo(dollars(maxCompletedReward(tasks)));
        api.call(get("/api/analytics/most-expensive-task").param("period", "year"), "admin", null)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("period"));
        // Bad ranges are refused with their field.
        api.call(get("/api/accounting/earnings").param("from", "2026-12-01").param("to", "2026-11-01"), accountant.username(), null)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("from"));
        api.call(get("/api/accounts/me/log").param("day", "yesterday"), someone.username(), null)
                .andExpect(status().isBadRequest());
    }

    /** Balances, fees and rewards as the event store says: each assignment costs its task's fee, each completion pays its reward. */
    private Expected expected(List<UUID> tasks) {
        // Accounting prices a task with its first assignment, from Kafka: wait for every price first.
        String prices = "SELECT count(*) FROM domainevententry WHERE aggregateidentifier IN ("
                + String.join(",", tasks.stream().map(id -> "'price-" + id + "'").toList()) + ")";
        await().atMost(Duration.ofSeconds(60)).until(() -> postgres.queryForObject(prices, Long.class) == tasks.size());
        Map<UUID, Long> balances = new HashMap<>();
        long fees = 0;
        long rewards = 0;
        for (Map<String, Object> row : postgres.queryForList("""
                SELECT e.payloadtype AS type, (convert_from(e.payload, 'UTF8')::json ->> 'assigneeId') AS popug,
                       (convert_from(p.payload, 'UTF8')::json -> 'fee' ->> 'cents')::bigint AS fee,
                       (convert_from(p.payload, 'UTF8')::json -> 'reward' ->> 'cents')::bigint AS reward
                FROM domainevententry e JOIN domainevententry p ON p.aggregateidentifier = 'price-' || e.aggregateidentifier
                WHERE e.payloadtype IN ('com.uberpopug.ates.api.tasks.TaskAssigned', 'com.uberpopug.ates.api.tasks.TaskCompleted')
                  AND e.aggregateidentifier IN (""" + inList(tasks) + ")")) {
            UUID popug = UUID.fromString((String) row.get("popug"));
            if (((String) row.get("type")).endsWith("TaskAssigned")) {
                balances.merge(popug, -(Long) row.get("fee"), Long::sum);
                fees += (Long) row.get("fee");
            } else {
                balances.merge(popug, (Long) row.get("reward"), Long::sum);
                rewards += (Long) row.get("reward");
            }
        }
        return new Expected(balances, fees, rewards);
    }

    private record Expected(Map<UUID, Long> balances, long fees, long rewards) {
        long positiveCount() {
            return balances.values().stream().filter(cents -> cents > 0).count();
        }
    }

    private long maxCompletedReward(List<UUID> tasks) {
        return postgres.queryForObject("""
                SELECT max((convert_from(p.payload, 'UTF8')::json -> 'reward' ->> 'cents')::bigint)
                FROM domainevententry e JOIN domainevententry p ON p.aggregateidentifier = 'price-' || e.aggregateidentifier
                WHERE e.payloadtype = 'com.uberpopug.ates.api.tasks.TaskCompleted' AND e.aggregateidentifier IN (""" + inList(tasks) + ")",
                Long.class);
    }

    private static BigDecimal dollars(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }

    private static BigDecimal balanceIn(JsonNode balances, UUID popug) {
        for (JsonNode balance : balances) {
            if (balance.get("popugId").asText().equals(popug.toString())) {
                return balance.get("balance").decimalValue();
            }
        }
        throw new AssertionError("no balance for " + popug);
    }

    private UUID lastAssignee(UUID task) {
        return UUID.fromString(postgres.queryForObject("""
                SELECT convert_from(payload, 'UTF8')::json ->> 'assigneeId' FROM domainevententry
                WHERE aggregateidentifier = ? AND payloadtype = 'com.uberpopug.ates.api.tasks.TaskAssigned'
                ORDER BY sequencenumber DESC LIMIT 1""", String.class, task.toString()));
    }

    private String usernameOf(UUID popug) {
        return postgres.queryForObject("SELECT username FROM identity_popugs WHERE popug_id = ?", String.class, popug);
    }

    private static String inList(List<UUID> ids) {
        return String.join(",", ids.stream().map(id -> "'" + id + "'").toList());
    }
}
