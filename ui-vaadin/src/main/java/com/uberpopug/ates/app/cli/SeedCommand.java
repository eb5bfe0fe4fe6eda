package com.uberpopug.ates.app.cli;

import com.uberpopug.ates.api.CommandRefusedException;
import com.uberpopug.ates.api.accounting.CloseProgress;
import com.uberpopug.ates.api.accounting.ClosableDays;
import com.uberpopug.ates.api.accounting.FindClosableDays;
import com.uberpopug.ates.api.identity.RegisterPopug;
import com.uberpopug.ates.api.identity.Role;
import com.uberpopug.ates.api.tasks.CompleteTask;
import com.uberpopug.ates.api.tasks.CreateTask;
import com.uberpopug.ates.api.tasks.CreatedTask;
import com.uberpopug.ates.api.tasks.IsEligibleAssignee;
import com.uberpopug.ates.app.accounting.DayClose;
import com.uberpopug.ates.messaging.processors.ProcessorMonitor;
import me.tongfei.progressbar.ProgressBar;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * {@code seed}: demo and benchmark data through the real command path (the same commands the pages
 * and the API send): popugs, then each business day its share of tasks, about half of them done by
 * their assignees, and the day closed (payouts and mails included) once accounting has booked them.
 */
@Command(name = "seed", mixinStandardHelpOptions = true,
        description = {"Creates demo data through the real commands: --popugs workers, then for each of --days business days "
                + "its share of --tasks tasks, a --done share of them completed, and the day closed.",
                "A business day can be closed only once it has begun: --days is at most the days from the open one to today "
                        + "(on a system whose open day is today: 1).",
                "Exit 0: seeded; 2: invalid numbers; 3: refused (e.g. nobody can take tasks, more days than have begun)."})
class SeedCommand implements Callable<Integer> {

    @Autowired
    CommandGateway commands;

    @Autowired
    DayClose dayClose;

    @Autowired
    QueryGateway queries;

    @Autowired
    ProcessorMonitor processors;

    @Spec
    CommandSpec spec;

    @Option(names = "--popugs", defaultValue = "10", description = "Workers to register (default ${DEFAULT-VALUE}).")
    int popugs;

    @Option(names = "--tasks", defaultValue = "100", description = "Tasks in all (default ${DEFAULT-VALUE}).")
    int tasks;

    @Option(names = "--days", defaultValue = "1", description = "Business days to spread them over, each closed (default ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--done", defaultValue = "0.5", description = "Share of the tasks completed (default ${DEFAULT-VALUE}).")
    double done;

    @Option(names = "--parallelism", defaultValue = "4", description = "Commands sent at once (default ${DEFAULT-VALUE}).")
    int parallelism;

    @Override
    public Integer call() throws Exception {
        if (popugs < 1 || tasks < 0 || days < 1 || done < 0 || done > 1 || parallelism < 1 || parallelism > 64) {
            spec.commandLine().getErr().println("Need --popugs >= 1, --tasks >= 0, --days >= 1, 0 <= --done <= 1, "
                    + "1 <= --parallelism <= 64.");
            return ExitCodes.INVALID;
        }
        ClosableDays closable = queries.query(new FindClosableDays(), ClosableDays.class).join();
        if (days > closable.count()) {
            spec.commandLine().getErr().println("Only " + closable.count() + " business day(s) can be closed now: the open day is "
                    + closable.openDay() + " and a day is closed only once it has begun. Nothing was seeded.");
            return ExitCodes.REFUSED;
        }
        ExecutorService senders = Executors.newFixedThreadPool(parallelism);
        try {
            List<UUID> workers = registerWorkers(senders);
            awaitTaskContextKnows(workers);
            long completed = 0;
            for (int day = 1; day <= days; day++) {
                int share = tasks / days + (day <= tasks % days ? 1 : 0);
                completed += workDay(senders, day, share);
                awaitAccountingCaughtUp();
                CloseProgress closed = dayClose.closeAndWait(null, "seed", Duration.ofMinutes(30), progress -> { });
                if (!closed.finished()) {
                    spec.commandLine().getErr().printf("The close of %s did not end within 30 minutes (%,d of %,d accounts "
                            + "settled); it goes on by itself. Seeding stops here.%n", closed.day(), closed.settled(), closed.accounts());
                    return ExitCodes.STILL_RUNNING;
                }
                spec.commandLine().getOut().println("Closed business day " + closed.day() + ": " + closed.payouts()
                        + " payouts, " + closed.total().format());
            }
            spec.commandLine().getOut().printf("Seeded %,d popugs and %,d tasks (%,d done) over %d business day(s)%n",
                    popugs, tasks, completed, days);
            return ExitCodes.DONE;
        } catch (CommandRefusedException refused) {
            spec.commandLine().getErr().println(refused.getMessage());
            return ExitCodes.REFUSED;
        } finally {
            senders.shutdownNow();
        }
    }

    private List<UUID> registerWorkers(ExecutorService senders) {
        String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        try (ProgressBar bar = ProgressBars.of("popugs", popugs, "")) {
            List<CompletableFuture<UUID>> registered = new ArrayList<>();
            for (int i = 1; i <= popugs; i++) {
                String username = "seed-" + run + "-" + i;
                String fullName = "Seed Popug " + run + " " + i;
                registered.add(send(senders, bar, () -> commands.sendAndWait(new RegisterPopug(UUID.randomUUID(), username,
                        fullName, username + "@seed.uberpopug.local", Role.WORKER,
                        "Seed-" + UUID.randomUUID()))));
            }
            return registered.stream().map(CompletableFuture::join).toList();
        }
    }

    /** Tasks go only to popugs the task context has heard of (from Kafka): wait until it knows the new ones. */
    private void awaitTaskContextKnows(List<UUID> workers) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        UUID last = workers.get(workers.size() - 1);
        while (!queries.query(new IsEligibleAssignee(last), Boolean.class).join()) {
            if (System.nanoTime() > deadline) {
                throw new CommandRefusedException("The task context has not heard of the new popugs within 2 minutes: "
                        + "is the application (its Kafka processors) running?");
            }
            Thread.sleep(200);
        }
    }

    /**
     * Accounting books a movement in the business day open when it handles the event: closing before it
     * has caught up would move the day's late completions into the next day.
     */
    private void awaitAccountingCaughtUp() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        while (!caughtUp("kafka-publisher") || !caughtUp("accounting")) {
            if (System.nanoTime() > deadline) {
                throw new CommandRefusedException("Accounting has not caught up with the seeded tasks within 30 minutes: "
                        + "is the application (its Kafka processors) running?");
            }
            Thread.sleep(500);
        }
    }

    private boolean caughtUp(String processor) {
        return processors.status(processor).map(status -> status.lagEvents() != null && status.lagEvents() == 0)
                .orElse(false);
    }

    private long workDay(ExecutorService senders, int day, int share) {
        Random random = ThreadLocalRandom.current();
        List<CompletableFuture<CreatedTask>> created = new ArrayList<>(share);
        long completing = Math.round(share * done);
        try (ProgressBar bar = ProgressBars.of("day " + day + " tasks", share + completing, "")) {
            for (int i = 0; i < share; i++) {
                int number = random.nextInt(1, 100_000);
                created.add(send(senders, bar, () -> commands.sendAndWait(new CreateTask(UUID.randomUUID(),
                        "Seeded task " + number, "UP-" + number, "Created by ates seed"))));
            }
            List<CompletableFuture<Object>> completions = new ArrayList<>();
            for (int i = 0; i < completing; i++) {
                CreatedTask task = created.get(i).join();
                completions.add(send(senders, bar, () -> commands.sendAndWait(new CompleteTask(task.taskId(), task.assigneeId()))));
            }
            completions.forEach(CompletableFuture::join);
            created.forEach(CompletableFuture::join);
        }
        return completing;
    }

    private static <T> CompletableFuture<T> send(ExecutorService senders, ProgressBar bar, Supplier<T> command) {
        return CompletableFuture.supplyAsync(() -> {
            T result = command.get();
            bar.step();
            return result;
        }, senders);
    }

}
