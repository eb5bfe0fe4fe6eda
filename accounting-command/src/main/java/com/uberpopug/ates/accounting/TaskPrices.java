package com.uberpopug.ates.accounting;

import com.uberpopug.ates.api.accounting.Money;
import com.uberpopug.ates.api.accounting.TaskPriced;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The prices of tasks: kept in {@code accounting_task_prices} with each {@code TaskPriced} (same
 * transaction), and found there, or among those set earlier in the current processor batch (not
 * committed yet), or drawn and set now on a task's first event that needs one.
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
        Map<UUID, Pricing.Price> batch = pricedInThisBatch();
        Pricing.Price known = batch.get(taskId);
        if (known != null) {
            return known;
        }
        List<Pricing.Price> stored = jdbc.query("SELECT fee_cents, reward_cents FROM accounting_task_prices WHERE task_id = ?",
                (rs, row) -> new Pricing.Price(new Money(rs.getLong(1)), new Money(rs.getLong(2))), taskId);
        if (!stored.isEmpty()) {
            return stored.get(0);
        }
        Pricing.Price drawn = pricing.draw();
        commands.sendAndWait(new PriceTask(taskId, drawn.fee(), drawn.reward()));
        batch.put(taskId, drawn);
        return drawn;
    }

    /** Prices set in the current unit of work: their rows are written only when it commits. */
    private static Map<UUID, Pricing.Price> pricedInThisBatch() {
        if (!CurrentUnitOfWork.isStarted()) {
            return new HashMap<>();
        }
        return CurrentUnitOfWork.get().root().getOrComputeResource(BATCH_PRICES, key -> new HashMap<>());
    }
}
