package com.uberpopug.ates.app;

import com.uberpopug.ates.api.identity.ChangePopugRole;
import com.uberpopug.ates.api.identity.DeactivatePopug;
import com.uberpopug.ates.api.identity.RegisterPopug;
import com.uberpopug.ates.api.identity.Role;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The task context learns who may get tasks from identity events on Kafka, into its own table. */
@AtesSpringTest
class TaskAssigneesReplicaTest {

    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate postgres;

    @Test
    void rolesAndDeactivationsReachTheTaskContextsReplica() {
        UUID worker = register(Role.WORKER);
        UUID manager = register(Role.MANAGER);

        await().atMost(Duration.ofSeconds(30)).until(() -> replicated(worker) && replicated(manager));
        assertThat(eligible(worker)).isTrue();
        assertThat(eligible(manager)).as("managers never get tasks").isFalse();

        commands.sendAndWait(new ChangePopugRole(manager, Role.ACCOUNTANT));
        commands.sendAndWait(new DeactivatePopug(worker));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(eligible(manager)).as("now an accountant").isTrue();
            assertThat(eligible(worker)).as("deactivated").isFalse();
        });
    }

    private UUID register(Role role) {
        String username = role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 6);
        return commands.sendAndWait(new RegisterPopug(UUID.randomUUID(), username, "Replica " + role,
                username + "@uberpopug.com", role, "replica-pass-1"));
    }

    private boolean replicated(UUID popug) {
        return postgres.queryForObject("SELECT count(*) FROM task_assignees WHERE popug_id = ?", Long.class, popug) == 1;
    }

    private boolean eligible(UUID popug) {
        return postgres.queryForObject("SELECT count(*) FROM task_assignees WHERE popug_id = ? AND active "
                + "AND role IN ('ACCOUNTANT', 'WORKER')", Long.class, popug) == 1;
    }
}
