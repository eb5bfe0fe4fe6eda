package com.uberpopug.ates.tasks;

import com.uberpopug.ates.api.identity.PopugDeactivated;
import com.uberpopug.ates.api.identity.PopugRegistered;
import com.uberpopug.ates.api.identity.PopugRoleChanged;
import com.uberpopug.ates.api.identity.Role;
import com.uberpopug.ates.app.AtesSpringTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The task context's replica of who may get tasks, on the real PostgreSQL, with its handlers called as the
 * processor calls them (in transactions of several events). After any mix of registrations, role changes,
 * deactivations and redeliveries, the eligible popugs hold the slots 0 .. n - 1, one each, and nobody else holds
 * one: so {@code count()} and {@code at(i)} draw every eligible popug with the same chance, at any company size.
 * The app's own processor writes the same table from Kafka meanwhile; the rule holds for the whole table.
 */
@AtesSpringTest
class TaskAssigneesSlotsTest {

    private static final Role[] ROLES = Role.values();

    @Autowired
    TaskAssignees assignees;
    @Autowired
    JdbcTemplate postgres;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void theEligiblePopugsHoldEverySlotFromZeroOnceThroughComingChangingAndLeaving() {
        Random random = new Random(7);
        Map<UUID, Role> roles = new HashMap<>();
        List<UUID> popugs = new ArrayList<>();
        for (int batch = 0; batch < 20; batch++) {
            List<Object> events = someEvents(10, random, popugs, roles);
            if (random.nextBoolean()) {
                events.add(events.get(random.nextInt(events.size()))); // redelivered
            }
            inOneTransaction(events);
            assertSlotsDense();
        }
        assertThat(popugs).hasSizeGreaterThan(50);
        assertThat(postgres.queryForObject("SELECT count(*) FROM task_assignees WHERE slot IS NULL AND popug_id = ANY(?)",
                Integer.class, (Object) popugs.toArray(UUID[]::new))).as("some of them left or became managers").isPositive();
    }

    @Test
    void twoSegmentsAtOnceNeverGiveOutOrMoveTheSameSlot() throws Exception {
        List<CompletableFuture<Void>> segments = IntStream.range(0, 2).mapToObj(segment -> CompletableFuture.runAsync(() -> {
            Random random = new Random(segment);
            Map<UUID, Role> roles = new HashMap<>();
            List<UUID> popugs = new ArrayList<>();
            for (int batch = 0; batch < 30; batch++) {
                inOneTransaction(someEvents(8, random, popugs, roles));
            }
        })).toList();
        for (CompletableFuture<Void> segment : segments) {
            segment.get(120, TimeUnit.SECONDS);
        }
        assertSlotsDense();
    }

    private static List<Object> someEvents(int count, Random random, List<UUID> popugs, Map<UUID, Role> roles) {
        List<Object> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(someEvent(random, popugs, roles));
        }
        return events;
    }

    /** A registration (half of the time, and always while there are few), else a role change or a deactivation. */
    private static Object someEvent(Random random, List<UUID> popugs, Map<UUID, Role> roles) {
        if (popugs.size() < 5 || random.nextBoolean()) {
            UUID popug = UUID.randomUUID();
            Role role = ROLES[random.nextInt(ROLES.length)];
            popugs.add(popug);
            roles.put(popug, role);
            String username = "slot-" + popug.toString().substring(0, 8);
            return new PopugRegistered(popug, username, "Slot " + username, username + "@uberpopug.com", role);
        }
        UUID popug = popugs.get(random.nextInt(popugs.size()));
        if (random.nextInt(3) == 0) {
            return new PopugDeactivated(popug);
        }
        Role to = ROLES[random.nextInt(ROLES.length)];
        return new PopugRoleChanged(popug, roles.put(popug, to), to);
    }

    private void inOneTransaction(List<Object> events) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> events.forEach(event -> {
            if (event instanceof PopugRegistered registered) {
                assignees.on(registered);
            } else if (event instanceof PopugRoleChanged changed) {
                assignees.on(changed);
            } else {
                assignees.on((PopugDeactivated) event);
            }
        }));
    }

    private void assertSlotsDense() {
        List<UUID> eligible = postgres.queryForList(
                "SELECT popug_id FROM task_assignees WHERE active AND role IN ('ACCOUNTANT', 'WORKER')", UUID.class);
        List<Integer> slots = postgres.queryForList("SELECT slot FROM task_assignees WHERE slot IS NOT NULL ORDER BY slot",
                Integer.class);
        assertThat(slots).as("slots 0 .. n - 1").containsExactlyElementsOf(IntStream.range(0, eligible.size()).boxed().toList());
        assertThat(assignees.count()).isEqualTo(eligible.size());
        assertThat(IntStream.range(0, eligible.size()).mapToObj(i -> assignees.at(i).orElseThrow()).toList())
                .as("each eligible popug at exactly one index").containsExactlyInAnyOrderElementsOf(eligible);
        assertThat(assignees.ids()).containsExactlyInAnyOrderElementsOf(eligible);
        assertThat(assignees.at(eligible.size())).as("nobody after the last slot").isEmpty();
    }
}
