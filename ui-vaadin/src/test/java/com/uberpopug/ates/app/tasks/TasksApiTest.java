package com.uberpopug.ates.app.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.uberpopug.ates.api.identity.Role;
import com.uberpopug.ates.app.AtesSpringTest;
import com.uberpopug.ates.app.ApiClient;
import com.uberpopug.ates.app.TestPopugs;
import com.uberpopug.ates.identity.access.ApiTokens;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code /api/tasks…} end to end: commands into the event store, events through Kafka into the board
 * read model, read back through the API. A context of its own, so that shuffles here touch only these tasks.
 */
@AtesSpringTest
@TestPropertySource(properties = "ates.test.context=tasks")
class TasksApiTest {

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

    private TaskEvents events;
    private TestPopugs.Registered manager;

    @BeforeEach
    void popugs() {
        events = new TaskEvents(postgres);
        TestPopugs.eligibleWorker(commands, postgres);
        TestPopugs.eligibleWorker(commands, postgres);
        manager = TestPopugs.register(commands, Role.MANAGER);
    }

    @Test
    void createFindAndCompleteATask() throws Exception {
        String word = "beak" + UUID.randomUUID().toString().substring(0, 6);
        JsonNode created = api.body(api.call(post("/api/tasks"), manager.username(),
                Map.of("title", "Fix the " + word, "jiraId", "UP-42", "description", "It squeaks"))
                .andExpect(status().isCreated()));
        UUID taskId = UUID.fromString(created.get("id").asText());
        UUID assigneeId = UUID.fromString(created.get("assigneeId").asText());
        String assignee = usernameOf(assigneeId);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                api.call(get("/api/tasks").param("q", word), manager.username(), null)
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$.total").value(1))
                        .andExpect(jsonPath("$.items[0].id").value(taskId.toString()))
                        .andExpect(jsonPath("$.items[0].title").value("Fix the " + word))
                        .andExpect(jsonPath("$.items[0].jiraId").value("UP-42"))
                        .andExpect(jsonPath("$.items[0].status").value("open"))
                        .andExpect(jsonPath("$.items[0].assigneeId").value(assigneeId.toString()))
                        .andExpect(jsonPath("$.items[0].assigneeName").value("Test " + assignee))
                        .andExpect(jsonPath("$.items[0].createdAt").isNotEmpty())
                        .andExpect(jsonPath("$.items[0].price").doesNotExist()));

        api.call(post("/api/tasks/" + taskId + "/complete"), manager.username(), null)
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("Only the task's assignee can complete it."));
        api.call(post("/api/tasks/" + taskId + "/complete"), assignee, null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("done"));
        api.call(post("/api/tasks/" + taskId + "/complete"), assignee, null)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("The task is already done."));
        assertThat(events.count(taskId, "TaskCompleted")).isEqualTo(1);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                api.call(get("/api/tasks/mine").param("status", "done"), assignee, null)
                        .andExpect(jsonPath("$.items[?(@.id == '" + taskId + "')].completedAt").isNotEmpty()));
        api.call(get("/api/tasks/mine").param("status", "open"), assignee, null)
                .andExpect(jsonPath("$.items[?(@.id == '" + taskId + "')]").isEmpty());
    }

    @Test
    void badInputIsRefusedWithItsFieldsAndChangesNothing() throws Exception {
        long before = events.count("TaskCreated");
        api.call(post("/api/tasks"), manager.username(), Map.of("title", "[UP-1] Fix beak", "description", ""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("title"))
                .andExpect(jsonPath("$.errors[0].message").value("Put the Jira id in the Jira id field, not in brackets in the title."));
        api.call(post("/api/tasks"), manager.username(), Map.of("title", "", "jiraId", "up 1"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(2));
        assertThat(events.count("TaskCreated")).isEqualTo(before);

        api.call(get("/api/tasks").param("status", "closed"), manager.username(), null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("status"));
        api.call(get("/api/tasks").param("size", "0"), manager.username(), null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("size"));
        api.call(post("/api/tasks/" + UUID.randomUUID() + "/complete"), manager.username(), null)
                .andExpect(status().isNotFound());
    }

    @Test
    void aShuffleReassignsEveryOpenTaskAndTheBoardFollows() throws Exception {
        List<UUID> tasks = createTasks(20);
        UUID done = tasks.get(0);
        UUID doneBy = events.lastAssignees().get(done);
        api.call(post("/api/tasks/" + done + "/complete"), usernameOf(doneBy), null).andExpect(status().isOk());
        long open = openTasks();
        long shuffledBefore = events.shuffleAssignments();

        api.call(post("/api/tasks/shuffle"), TestPopugs.register(commands, Role.WORKER).username(), null)
                .andExpect(status().isForbidden());
        api.call(post("/api/tasks/shuffle"), manager.username(), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.reassigned").value(open))
                .andExpect(jsonPath("$.skipped").value(0));

        assertThat(events.shuffleAssignments() - shuffledBefore).isEqualTo(open);
        assertThat(events.assignedAfterDone()).isEmpty();
        Map<UUID, UUID> assignees = events.lastAssignees();
        assertThat(assignees.get(done)).as("a done task keeps its assignee").isEqualTo(doneBy);
        // Through Kafka into the board: every task shows the assignee of its last assignment.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<UUID, UUID> onBoard = new java.util.HashMap<>();
            postgres.query("SELECT task_id, assignee_id FROM task_board", rs -> {
                onBoard.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class));
            });
            assertThat(onBoard).containsAllEntriesOf(assignees);
        });
    }

    @Test
    void twoShufflesAtOnceRunOneAfterTheOtherNeverTogether() throws Exception {
        createTasks(300);
        long open = openTasks();
        long shuffledBefore = events.shuffleAssignments();
        TestPopugs.Registered admin = TestPopugs.register(commands, Role.ADMIN);

        CountDownLatch go = new CountDownLatch(1);
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (String who : List.of(manager.username(), admin.username())) {
                answers.add(callers.submit(() -> {
                    go.await();
                    return api.call(post("/api/tasks/shuffle"), who, null).andReturn().getResponse().getStatus();
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        } finally {
            callers.shutdownNow();
        }
        assertThat(events.shuffleAssignments() - shuffledBefore).as("exactly one shuffle's worth").isEqualTo(open);
    }

    private List<UUID> createTasks(int count) throws Exception {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            JsonNode created = api.body(api.call(post("/api/tasks"), manager.username(),
                    Map.of("title", "Shuffle me " + i, "description", "")).andExpect(status().isCreated()));
            ids.add(UUID.fromString(created.get("id").asText()));
        }
        return ids;
    }

    private long openTasks() {
        return postgres.queryForObject("SELECT count(*) FROM task_open_tasks", Long.class);
    }

    private String usernameOf(UUID popugId) {
        return postgres.queryForObject("SELECT username FROM task_assignees WHERE popug_id = ?", String.class, popugId);
    }
}
