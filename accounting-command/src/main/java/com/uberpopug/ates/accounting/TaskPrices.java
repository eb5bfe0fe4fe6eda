package com.uberpopug.ates.accounting;

import com.uberpopug.ates.api.accounting.Money;
import com.uberpopug.ates.api.accounting.TaskPriced;
import com.uberpopug.ates.api.tasks.TaskAssigned;
import com.uberpopug.ates.api.tasks.TaskCompleted;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The prices of tasks: kept in {@code accounting_task_prices} with each {@code TaskPriced} (same
 * transaction), and found there (for a processor batch, the prices of all its tasks at once), or among
 * those set earlier in the current batch (not committed yet), or drawn and set now on a task's first
 * event that needs one.
 */
@Component
@ProcessingGroup(BusinessDays.PROCESSING_GROUP)
class TaskPrices {

    private static final String BATCH_PRICES = TaskPrices.class.getName() + ".batch";

    private final JdbcTemplate jdbc;
    private final CommandGateway commands;
    private final Pricing pricing;

    TaskPrices(JdbcTemplate jdbc, CommandGateway commands, Pricing pricing) {
        this.jdbc = jdbc;
        this.commands = commands;
        this.pricing = pricing;
    }

    @EventHandler
    void on(TaskPriced event) {
        jdbc.update("""
                INSERT INTO accounting_task_prices (task_id, fee_cents, reward_cents) VALUES (?, ?, ?)
                ON CONFLICT (task_id) DO NOTHING""", event.taskId(), event.fee().cents(), event.reward().cents());
    }

    Pricing.Price priceOf(UUID taskId) {
        Map<UUID, Pricing.Price> known = knownInThisBatch();
        Pricing.Price price = known.containsKey(taskId) ? known.get(taskId) : stored(List.of(taskId)).get(taskId);
        if (price == null) {
            price = pricing.draw();
            commands.sendAndWait(new PriceTask(taskId, price.fee(), price.reward()));
        }
        known.put(taskId, price);
        return price;
    }

    /**
     * What the current unit of work knows of its tasks' prices: read for all of them with one query when it
     * asks first (a task without a price yet maps to null), and the prices it set since (their rows are written
     * only when it commits). A processor's batch holds many events, a retried dead letter one; a round trip per
     * event was a fifth of the accounting thread's waits under load (docs/PERFORMANCE.md). Outside a unit of
     * work, nothing is known.
     */
    private Map<UUID, Pricing.Price> knownInThisBatch() {
        if (!CurrentUnitOfWork.isStarted()) {
            return new HashMap<>();
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(BATCH_PRICES, key -> {
            List<UUID> tasks = BatchMessages.of(root).stream().map(message -> taskOf(message.getPayload()))
                    .filter(Objects::nonNull).distinct().toList();
            Map<UUID, Pricing.Price> known = new HashMap<>();
            tasks.forEach(task -> known.put(task, null));
            known.putAll(stored(tasks));
            return known;
        });
    }

    private Map<UUID, Pricing.Price> stored(List<UUID> taskIds) {
        Map<UUID, Pricing.Price> prices = new HashMap<>();
        jdbc.query("SELECT task_id, fee_cents, reward_cents FROM accounting_task_prices WHERE task_id = ANY (?::uuid[])",
                rs -> {
                    prices.put(rs.getObject(1, UUID.class), new Pricing.Price(new Money(rs.getLong(2)), new Money(rs.getLong(3))));
                }, (Object) taskIds.stream().map(UUID::toString).toArray(String[]::new));
        return prices;
    }

    /** The task a task event is about, or null for any other event. */
    private static UUID taskOf(Object payload) {
        if (payload instanceof TaskAssigned assigned) {
            return assigned.taskId();
        }
        if (payload instanceof TaskCompleted completed) {
            return completed.taskId();
        }
        return null;
    }
}
