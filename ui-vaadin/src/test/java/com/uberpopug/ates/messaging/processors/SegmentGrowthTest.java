package com.uberpopug.ates.messaging.processors;

import com.uberpopug.ates.api.tasks.CreateTask;
import com.uberpopug.ates.api.tasks.CreatedTask;
import com.uberpopug.ates.app.AtesSpringTest;
import com.uberpopug.ates.app.TestPopugs;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An installation whose board projection started with one segment, before processors had two: the instance
 * splits it up to the configured count, and the board goes on from where it was.
 */
@AtesSpringTest
@TestPropertySource(properties = "ates.test.context=segment-growth")
class SegmentGrowthTest {

    private static final String BOARD = "task-board";

    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    TokenStore tokens;
    @Autowired
    TransactionManager transactions;
    @Autowired
    SegmentBalancer balancer;
    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate postgres;

    @Test
    void aProcessorWithFewerSegmentsThanConfiguredIsSplitUpToThem() {
        TestPopugs.eligibleWorker(commands, postgres);
        StreamingEventProcessor board = processing.eventProcessor(BOARD, StreamingEventProcessor.class).orElseThrow();
        board.shutDown();
        transactions.executeInTransaction(() -> {
            postgres.update("DELETE FROM tokenentry WHERE processorname = ?", BOARD);
            tokens.initializeTokenSegments(BOARD, 1);
        });
        board.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> board.processingStatus().containsKey(0));
        assertThat(segments()).as("as an older installation left it").isEqualTo(1);

        balancer.balance();

        await().atMost(Duration.ofSeconds(30)).until(() -> segments() == 2 && board.processingStatus().size() == 2);
        CreatedTask task = commands.sendAndWait(new CreateTask(UUID.randomUUID(), "After the split", null, ""));
        await().atMost(Duration.ofSeconds(30)).until(() -> postgres.queryForObject(
                "SELECT count(*) FROM task_board WHERE task_id = ?", Long.class, task.taskId()) == 1);
    }

    private int segments() {
        return transactions.fetchInTransaction(() -> tokens.fetchSegments(BOARD)).length;
    }
}
