package com.uberpopug.ates.tasks;

import com.uberpopug.ates.api.CommandRefusedException;
import com.uberpopug.ates.api.tasks.FindShuffle;
import com.uberpopug.ates.api.tasks.ReassignTask;
import com.uberpopug.ates.api.tasks.ShuffleProgress;
import com.uberpopug.ates.api.tasks.StartShuffle;
import com.uberpopug.ates.messaging.api.LogContextDecorator;
import jakarta.annotation.PreDestroy;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The shuffle: every open task gets a new random eligible assignee, one {@link ReassignTask} command
 * (one {@code TaskAssigned}, one transaction) per task. It pages through {@link OpenTasks} by id, so
 * memory stays flat at any number of tasks, and runs in the background, reporting progress after
 * every page. One shuffle at a time across all instances ({@link ShuffleLock}); a task completed while
 * the shuffle runs is skipped, not reassigned.
 */
@Component
class TaskShuffle {

    private static final Logger log = LoggerFactory.getLogger(TaskShuffle.class);
    private static final int KEPT_RESULTS = 20;

    private final OpenTasks openTasks;
    private final AssigneeDraw draw;
    private final ShuffleLock lock;
    private final CommandGateway commands;
    private final QueryUpdateEmitter updates;
    private final int pageSize;
    /** The shuffle's commands belong to the action that started it: same trace id in their logs and metadata. */
    private final ThreadPoolTaskExecutor runner = inLogContextOfCaller("task-shuffle", 1);
    private final ThreadPoolTaskExecutor workers;
    private final Map<UUID, ShuffleProgress> recent = Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, ShuffleProgress> eldest) {
            return size() > KEPT_RESULTS;
        }
    });

    TaskShuffle(OpenTasks openTasks, AssigneeDraw draw, ShuffleLock lock, CommandGateway commands,
                QueryUpdateEmitter updates,
                @Value("${ates.tasks.shuffle.parallelism:4}") int parallelism,
                @Value("${ates.tasks.shuffle.page-size:1000}") int pageSize) {
        this.openTasks = openTasks;
        this.draw = draw;
        this.lock = lock;
        this.commands = commands;
        this.updates = updates;
        this.pageSize = pageSize;
        this.workers = inLogContextOfCaller("task-shuffle-worker", parallelism);
    }

    @CommandHandler
    ShuffleProgress handle(StartShuffle command) {
        ShuffleLock.Held held = lock.tryAcquire()
                .orElseThrow(() -> new CommandRefusedException("A shuffle is already running. Wait until it has finished."));
        try {
            AssigneeDraw.Pool pool = draw.pool();
            if (pool.isEmpty()) {
                throw new CommandRefusedException(AssigneeDraw.NOBODY_ELIGIBLE);
            }
            ShuffleProgress start = new ShuffleProgress(command.shuffleId(), openTasks.count(), 0, 0, false, null);
            report(start);
            log.info("Shuffle {} started by {}: {} open tasks, {} eligible popugs", command.shuffleId(),
                    command.startedBy(), start.total(), pool.candidates().size());
            runner.execute(() -> run(start, pool, held));
            return start;
        } catch (RuntimeException refused) {
            held.release();
            throw refused;
        }
    }

    @QueryHandler
    ShuffleProgress find(FindShuffle query) {
        return recent.get(query.shuffleId());
    }

    private void run(ShuffleProgress start, AssigneeDraw.Pool pool, ShuffleLock.Held held) {
        AtomicLong reassigned = new AtomicLong();
        AtomicLong skipped = new AtomicLong();
        String failure = null;
        try {
            UUID after = null;
            List<UUID> page;
            while (!(page = openTasks.page(after, pageSize)).isEmpty()) {
                List<CompletableFuture<Void>> steps = new ArrayList<>(page.size());
                for (UUID taskId : page) {
                    steps.add(CompletableFuture.runAsync(() -> {
                        if (reassign(taskId, pool)) {
                            reassigned.incrementAndGet();
                        } else {
                            skipped.incrementAndGet();
                        }
                    }, workers));
                }
                CompletableFuture.allOf(steps.toArray(CompletableFuture[]::new)).join();
                after = page.get(page.size() - 1);
                report(progress(start, reassigned, skipped, false, null));
            }
        } catch (RuntimeException stopped) {
            failure = "The shuffle stopped after " + reassigned.get() + " tasks: " + rootMessage(stopped);
            log.error("Shuffle {} stopped", start.shuffleId(), stopped);
        } finally {
            releaseQuietly(held, start);
        }
        ShuffleProgress end = progress(start, reassigned, skipped, true, failure);
        report(end);
        log.info("Shuffle {} finished: {} reassigned, {} skipped (done meanwhile)", start.shuffleId(),
                end.reassigned(), end.skipped());
    }

    private static void releaseQuietly(ShuffleLock.Held held, ShuffleProgress shuffle) {
        try {
            held.release();
        } catch (RuntimeException failed) {
            // The lock's connection is closed either way, which drops the lock; the shuffle's result stands.
            log.warn("Shuffle {}: releasing its lock failed", shuffle.shuffleId(), failed);
        }
    }

    /**
     * True when the task was reassigned, false when it turned out to be done. A task another instance changed at
     * the same moment is sent again by the command gateway (docs/adr/0019), which loads it again.
     */
    private boolean reassign(UUID taskId, AssigneeDraw.Pool pool) {
        try {
            commands.sendAndWait(new ReassignTask(taskId, pool.draw().orElseThrow()));
            return true;
        } catch (CommandRefusedException done) {
            return false;
        }
    }

    private static ShuffleProgress progress(ShuffleProgress start, AtomicLong reassigned, AtomicLong skipped,
                                            boolean finished, String failure) {
        // Tasks created during the shuffle may be reassigned too: the total grows to match.
        long handled = reassigned.get() + skipped.get();
        return new ShuffleProgress(start.shuffleId(), Math.max(start.total(), handled), reassigned.get(), skipped.get(),
                finished, failure);
    }

    private void report(ShuffleProgress progress) {
        recent.put(progress.shuffleId(), progress);
        updates.emit(FindShuffle.class, query -> query.shuffleId().equals(progress.shuffleId()), progress);
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static ThreadPoolTaskExecutor inLogContextOfCaller(String name, int threads) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix(name + "-");
        executor.setCorePoolSize(threads);
        executor.setMaxPoolSize(threads);
        executor.setDaemon(true);
        executor.setTaskDecorator(new LogContextDecorator());
        executor.initialize();
        return executor;
    }

    /** Stops a running shuffle: its tasks not yet reassigned keep their assignee. */
    @PreDestroy
    void stop() {
        runner.shutdown();
        workers.shutdown();
    }
}
