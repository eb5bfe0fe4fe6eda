package com.uberpopug.ates.app;

import com.uberpopug.ates.api.identity.RegisterPopug;
import com.uberpopug.ates.api.identity.Role;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/** Popugs for tests, registered through the real command path. */
public final class TestPopugs {

    public static final String PASSWORD = "test-pass-1";

    private TestPopugs() {
    }

    /** A new popug with a unique username (the role's name and a random suffix); returns the id. */
    public static Registered register(CommandGateway commands, Role role) {
        String username = role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        UUID id = commands.sendAndWait(new RegisterPopug(UUID.randomUUID(), username, "Test " + username,
                username + "@uberpopug.com", role, PASSWORD));
        return new Registered(id, username);
    }

    /**
     * A worker whom the task context can already give tasks to: registered, and arrived through Kafka in
     * the task context's replica (creating a task before that is refused: nobody is eligible).
     */
    public static Registered eligibleWorker(CommandGateway commands, JdbcTemplate postgres) {
        Registered worker = register(commands, Role.WORKER);
        awaitEligible(postgres, worker.id());
        return worker;
    }

    public static void awaitEligible(JdbcTemplate postgres, UUID popugId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> postgres.queryForObject(
                "SELECT count(*) FROM task_assignees WHERE popug_id = ? AND active", Long.class, popugId) == 1);
    }

    public record Registered(UUID id, String username) {
    }
}
