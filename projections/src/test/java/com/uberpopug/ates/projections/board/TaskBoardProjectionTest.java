package com.uberpopug.ates.projections.board;

import com.uberpopug.ates.api.tasks.AssignmentReason;
import com.uberpopug.ates.api.tasks.FindTasks;
import com.uberpopug.ates.api.tasks.TaskAssigned;
import com.uberpopug.ates.api.tasks.TaskCompleted;
import com.uberpopug.ates.api.tasks.TaskCreated;
import com.uberpopug.ates.api.tasks.TaskSummary;
import com.uberpopug.ates.testsupport.ScratchDatabase;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The board's handlers against the real PostgreSQL that infra/ates-services.sh starts, in a database of
 * this test's own ({@link ScratchDatabase}) built by the module's migrations. The writes of one processor batch are folded per
 * task ({@link BoardWrites}); whatever the batches, the board must be what handling the events one by
 * one gives.
 */
class TaskBoardProjectionTest {

    private static final Instant MORNING = Instant.parse("2026-12-02T09:00:00Z");
    private static final UUID KESHA = UUID.randomUUID();
    private static final UUID GOSHA = UUID.randomUUID();

    private final ScratchDatabase database = ScratchDatabase.create();
    private final JdbcTemplate postgres = database.jdbc();
    private TaskBoardProjection board;

    @BeforeEach
    void freshBoard() {
        Flyway.configure().dataSource(database.dataSource()).locations("classpath:db/migration").load().migrate();
        board = new TaskBoardProjection(new NamedParameterJdbcTemplate(postgres), SimpleQueryUpdateEmitter.builder().build());
    }

    @AfterEach
    void dropBoard() {
        database.close();
    }

    @Test
    void aBatchWritesNothingBeforeItsCommitAndThenEachTaskOnceWithItsLastState() {
        UUID beak = UUID.randomUUID();
        UUID wing = UUID.randomUUID();
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("batch"));
        created(beak, "Fix beak");
        assigned(beak, KESHA);
        assigned(beak, GOSHA);
        completed(beak, GOSHA, MORNING.plusSeconds(60));
        assigned(beak, KESHA); // an older assignment delivered again: the task is done
        created(wing, "Trim wing");
        assigned(wing, KESHA);
        assertThat(postgres.queryForObject("SELECT count(*) FROM task_board", Long.class)).as("before the commit").isZero();

        batch.commit();

        assertThat(row(beak)).containsEntry("status", "done").containsEntry("assignee_id", GOSHA)
                .containsEntry("completed_at", java.sql.Timestamp.from(MORNING.plusSeconds(60)));
        assertThat(row(wing)).containsEntry("status", "open").containsEntry("assignee_id", KESHA);
        // An updated row leaves its old version behind: in a fresh table, two rows written once sit in its first two slots.
        assertThat(postgres.queryForList("SELECT ctid::text FROM task_board ORDER BY ctid", String.class))
                .as("two inserts, no update").containsExactly("(0,1)", "(0,2)");
    }

    @Test
    void aTaskCreatedInAnEarlierBatchGetsItsCompletionOrElseItsLastAssignment() {
        UUID beak = UUID.randomUUID();
        UUID wing = UUID.randomUUID();
        inOneBatch(() -> {
            created(beak, "Fix beak");
            assigned(beak, KESHA);
            created(wing, "Trim wing");
            assigned(wing, KESHA);
        });

        inOneBatch(() -> {
            assigned(beak, GOSHA);
            assigned(beak, KESHA);
            completed(beak, KESHA, MORNING.plusSeconds(5));
            assigned(beak, GOSHA);
            assigned(wing, GOSHA);
        });

        assertThat(row(beak)).containsEntry("status", "done").containsEntry("assignee_id", KESHA);
        assertThat(row(wing)).containsEntry("status", "open").containsEntry("assignee_id", GOSHA);
    }

    @Test
    void aCreationDeliveredAgainNeverResetsATask() {
        UUID beak = UUID.randomUUID();
        UUID wing = UUID.randomUUID();
        inOneBatch(() -> {
            created(beak, "Fix beak");
            assigned(beak, KESHA);
            completed(beak, KESHA, MORNING);
            created(wing, "Trim wing");
            assigned(wing, KESHA);
            assigned(wing, GOSHA);
        });

        inOneBatch(() -> {
            created(beak, "Fix beak");
            created(wing, "Trim wing");
        });

        assertThat(row(beak)).containsEntry("status", "done").containsEntry("assignee_id", KESHA);
        assertThat(row(wing)).containsEntry("status", "open").containsEntry("assignee_id", GOSHA);
    }

    @Test
    void aCompletionBehindACreationDeliveredAgainStillCounts() {
        UUID beak = UUID.randomUUID();
        inOneBatch(() -> {
            created(beak, "Fix beak");
            assigned(beak, KESHA);
        });

        // The publisher sent the task's events again from its last stored position, then the new completion.
        inOneBatch(() -> {
            created(beak, "Fix beak");
            assigned(beak, KESHA);
            completed(beak, KESHA, MORNING.plusSeconds(90));
        });

        assertThat(row(beak)).containsEntry("status", "done").containsEntry("assignee_id", KESHA);
    }

    @Test
    void withoutAUnitOfWorkEachEventIsWrittenAtOnce() {
        UUID beak = UUID.randomUUID();

        created(beak, "Fix beak");
        assertThat(row(beak)).containsEntry("status", "open").containsEntry("assignee_id", null);
        assigned(beak, GOSHA);

        assertThat(row(beak)).containsEntry("assignee_id", GOSHA);
    }

    @Test
    void theTextFilterFindsTitleJiraIdAndDescriptionAndTheResetClearsIt() {
        UUID beak = UUID.randomUUID();
        inOneBatch(() -> {
            board.on(new TaskCreated(beak, "Fix beak", "UP-42", "Polish it_100%"), MORNING);
            created(UUID.randomUUID(), "Trim wing");
        });

        assertThat(titlesMatching("beak")).containsExactly("Fix beak");
        assertThat(titlesMatching("up-42")).containsExactly("Fix beak");
        assertThat(titlesMatching("it_100%")).as("LIKE's wildcards are plain text").containsExactly("Fix beak");
        assertThat(titlesMatching("it_1000")).isEmpty();
        assertThat(board.find(new FindTasks(null, null, "beak", 0, 0)).total()).isEqualTo(1);

        board.reset();

        assertThat(postgres.queryForObject("SELECT count(*) FROM task_board_text", Long.class)).isZero();
        assertThat(board.find(FindTasks.firstPage(10)).total()).isZero();
    }

    /**
     * Random histories (creations, shuffles, completions, and runs of events the publisher sent twice),
     * cut into random batches, give the same board as one event per batch.
     */
    @Test
    void anyBatchingGivesTheBoardOfOneEventAtATime() {
        Random random = new Random(42);
        List<Consumer<TaskBoardProjection>> stream = randomHistories(random, 150);

        stream.forEach(event -> inOneBatch(() -> event.accept(board)));
        String oneByOne = boardChecksum();
        for (int round = 0; round < 3; round++) {
            board.reset();
            int at = 0;
            while (at < stream.size()) {
                int end = Math.min(stream.size(), at + 1 + random.nextInt(round == 2 ? stream.size() : 40));
                List<Consumer<TaskBoardProjection>> slice = stream.subList(at, end);
                inOneBatch(() -> slice.forEach(event -> event.accept(board)));
                at = end;
            }
            assertThat(boardChecksum()).as("batching round %d", round).isEqualTo(oneByOne);
        }
    }

    private static List<Consumer<TaskBoardProjection>> randomHistories(Random random, int tasks) {
        UUID[] popugs = {KESHA, GOSHA, UUID.randomUUID()};
        List<Consumer<TaskBoardProjection>> stream = new ArrayList<>();
        List<UUID> open = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            UUID task = UUID.randomUUID();
            int number = i;
            Instant at = MORNING.plusSeconds(i);
            UUID first = popugs[random.nextInt(popugs.length)];
            stream.add(b -> b.on(new TaskCreated(task, "Task " + task, "UP-" + number, "Made by a test"), at));
            stream.add(b -> b.on(new TaskAssigned(task, first, AssignmentReason.CREATED)));
            open.add(task);
            if (random.nextInt(10) == 0) { // a shuffle
                for (UUID shuffled : open) {
                    UUID to = popugs[random.nextInt(popugs.length)];
                    stream.add(b -> b.on(new TaskAssigned(shuffled, to, AssignmentReason.SHUFFLE)));
                }
            }
            if (random.nextInt(3) == 0) {
                UUID done = open.remove(random.nextInt(open.size()));
                UUID by = popugs[random.nextInt(popugs.length)];
                stream.add(b -> b.on(new TaskCompleted(done, by), at.plusMillis(500)));
            }
            if (random.nextInt(8) == 0) { // the publisher sends its last events again
                int from = Math.max(0, stream.size() - 1 - random.nextInt(12));
                stream.addAll(new ArrayList<>(stream.subList(from, stream.size())));
            }
        }
        return stream;
    }

    private void created(UUID task, String title) {
        board.on(new TaskCreated(task, title, null, "Made by a test"), MORNING);
    }

    private void assigned(UUID task, UUID popug) {
        board.on(new TaskAssigned(task, popug, AssignmentReason.SHUFFLE));
    }

    private void completed(UUID task, UUID popug, Instant at) {
        board.on(new TaskCompleted(task, popug), at);
    }

    private static void inOneBatch(Runnable events) {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("batch"));
        events.run();
        batch.commit();
    }

    private Map<String, Object> row(UUID task) {
        return postgres.queryForMap("SELECT * FROM task_board WHERE task_id = ?", task);
    }

    private List<String> titlesMatching(String text) {
        return board.find(new FindTasks(null, null, text, 0, 50)).items().stream().map(TaskSummary::title).toList();
    }

    private String boardChecksum() {
        return postgres.queryForObject("SELECT count(*) || ':' || md5(string_agg(t::text, '|' ORDER BY t::text)) FROM task_board t",
                String.class) + " " + postgres.queryForObject(
                "SELECT count(*) || ':' || md5(string_agg(t::text, '|' ORDER BY t::text)) FROM task_board_text t", String.class);
    }
}
