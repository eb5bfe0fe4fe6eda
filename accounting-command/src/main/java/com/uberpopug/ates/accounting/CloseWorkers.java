package com.uberpopug.ates.accounting;

import com.uberpopug.ates.api.accounting.CloseProgress;
import com.uberpopug.ates.api.accounting.FindCloseProgress;
import com.uberpopug.ates.api.accounting.Money;
import com.uberpopug.ates.api.accounting.SettleAccount;
import com.uberpopug.ates.messaging.api.TraceIds;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Settles the accounts of a closing day, several at once, each in a transaction of its own: the account's
 * {@code SettleAccount} and the mark of its {@link Settlements} row commit together, so an account is never
 * settled twice and a crash loses at most the transactions in flight. Workers of every instance share the
 * rows (each takes one the others skip). When no row is left the day is reported closed with the totals of
 * the rows. A settlement that fails is tried again after a pause while the other accounts go on; the day
 * stays closing until it succeeds. Looks for work every {@code poll} and at once when a close is planned.
 */
@Component
class CloseWorkers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CloseWorkers.class);

    private final Settlements settlements;
    private final CommandGateway commands;
    private final TransactionTemplate eachAccount;
    private final int parallelism;
    private final Duration poll;
    private final Duration retryPause;
    private ScheduledExecutorService coordinator;
    private ExecutorService workers;

    CloseWorkers(Settlements settlements, CommandGateway commands, PlatformTransactionManager transactions,
                 @Value("${ates.accounting.close.parallelism:8}") int parallelism,
                 @Value("${ates.accounting.close.poll:5s}") Duration poll,
                 @Value("${ates.accounting.close.retry-pause:10s}") Duration retryPause) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("ates.accounting.close.parallelism must be at least 1, not " + parallelism);
        }
        this.settlements = settlements;
        this.commands = commands;
        this.eachAccount = new TransactionTemplate(transactions);
        this.parallelism = parallelism;
        this.poll = poll;
        this.retryPause = retryPause;
    }

    /** The same popug and day always give the same payout id. */
    static UUID payoutId(UUID popugId, LocalDate day) {
        return UUID.nameUUIDFromBytes(("payout:" + popugId + ":" + day).getBytes(StandardCharsets.UTF_8));
    }

    /** A close was planned: start on it now rather than at the next look. */
    void wake() {
        if (coordinator != null) {
            coordinator.execute(this::settleNextDay);
        }
    }

    /** Settles the closing days in their order, as far as their accounts let it (a failing one waits). */
    private void settleNextDay() {
        try {
            Optional<LocalDate> day = settlements.nextToSettle();
            while (day.isPresent() && settleAndFinish(day.get())) {
                day = settlements.nextToSettle();
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | ExecutionException failed) {
            // Nothing is lost: what did not commit is still to do, and the next look takes it up.
            log.error("The daily close stopped short; it goes on at the next look, in {}", poll, failed);
        }
    }

    /** True when the day is reported closed: every account settled. */
    private boolean settleAndFinish(LocalDate day) throws InterruptedException, ExecutionException {
        String traceId = settlements.traceOf(day);
        List<Future<?>> running = new ArrayList<>(parallelism);
        for (int i = 0; i < parallelism; i++) {
            running.add(workers.submit(() -> inTrace(traceId, () -> {
                while (!Thread.currentThread().isInterrupted() && settleOne(day)) {
                    // on to the next account
                }
            })));
        }
        for (Future<?> worker : running) {
            worker.get();
        }
        CloseProgress progress = settlements.progress(new FindCloseProgress(day)).orElseThrow();
        if (progress.settled() < progress.accounts()) {
            return false;
        }
        inTrace(traceId, () -> {
            commands.sendAndWait(new FinishBusinessDay(BusinessCalendar.ID, day, progress.payouts(), progress.total()));
            log.info("Business day {} closed: {} accounts settled, {} payouts, {} in all", day, progress.accounts(),
                    progress.payouts(), progress.total().format());
        });
        return true;
    }

    private static void inTrace(String traceId, Runnable work) {
        if (traceId == null) {
            work.run();
            return;
        }
        try (MDC.MDCCloseable trace = MDC.putCloseable(TraceIds.KEY, traceId)) {
            work.run();
        }
    }

    /** Settles one account of the day; false when none is left to take. */
    private boolean settleOne(LocalDate day) {
        AtomicReference<UUID> taken = new AtomicReference<>();
        try {
            return Boolean.TRUE.equals(eachAccount.execute(transaction -> {
                Optional<UUID> popug = settlements.take(day);
                if (popug.isEmpty()) {
                    return false;
                }
                taken.set(popug.get());
                Money paidOut = commands.sendAndWait(new SettleAccount(popug.get(), day, payoutId(popug.get(), day)));
                if (paidOut != null) {
                    settlements.paidOut(day, popug.get(), paidOut);
                }
                return true;
            }));
        } catch (RuntimeException failed) {
            if (taken.get() == null) {
                throw failed; // not even an account could be taken: the database, for the next look
            }
            log.warn("Settling the account of popug {} for {} failed; it is tried again in {}", taken.get(), day, retryPause, failed);
            settlements.failed(day, taken.get(), String.valueOf(failed.getMessage()), retryPause);
            return true;
        }
    }

    @Override
    public void start() {
        coordinator = Executors.newSingleThreadScheduledExecutor(named("close-coordinator"));
        workers = Executors.newFixedThreadPool(parallelism, named("close-worker"));
        coordinator.scheduleWithFixedDelay(this::settleNextDay, 0, poll.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        coordinator.shutdownNow();
        workers.shutdownNow();
        try {
            workers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        coordinator = null;
    }

    @Override
    public boolean isRunning() {
        return coordinator != null;
    }

    private static ThreadFactory named(String prefix) {
        CustomizableThreadFactory threads = new CustomizableThreadFactory(prefix + "-");
        threads.setDaemon(true);
        return threads;
    }
}
