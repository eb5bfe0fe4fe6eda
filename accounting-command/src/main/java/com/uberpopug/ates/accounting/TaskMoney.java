package com.uberpopug.ates.accounting;

import com.uberpopug.ates.api.accounting.CreditAccount;
import com.uberpopug.ates.api.accounting.DebitAccount;
import com.uberpopug.ates.api.accounting.OpenAccount;
import com.uberpopug.ates.api.identity.PopugRegistered;
import com.uberpopug.ates.api.tasks.TaskAssigned;
import com.uberpopug.ates.api.tasks.TaskCompleted;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Where task events become money, read from Kafka (the task tracker is never asked): every assignment
 * debits the assignee by the task's fee (the first one, made with the task, prices it), a completion
 * credits the reward; identity events open accounts and tell where payout mails go. Each event acts
 * once: its id is marked after the commands it causes succeeded, in the same transaction (which those
 * commands, sent from this processor's batch, join); an event whose command fails is parked unmarked and
 * acts when the letter is retried.
 * The processor's segments divide the events by account ({@link ByAccount}); a task is priced in the
 * segment of its first assignee, so its creation, which names no account, needs no handling here.
 */
@Component
@ProcessingGroup(TaskMoney.PROCESSING_GROUP)
class TaskMoney {

    static final String PROCESSING_GROUP = "accounting";

    private final CommandGateway commands;
    private final HandledEvents handled;
    private final TaskPrices prices;
    private final BusinessDays days;
    private final JdbcTemplate jdbc;

    TaskMoney(CommandGateway commands, HandledEvents handled, TaskPrices prices, BusinessDays days, JdbcTemplate jdbc) {
        this.commands = commands;
        this.handled = handled;
        this.prices = prices;
        this.days = days;
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(TaskAssigned event, @MessageIdentifier String eventId) {
        handled.once(eventId, () -> commands.sendAndWait(new DebitAccount(event.assigneeId(),
                prices.priceOf(event.taskId()).fee(), event.taskId(), days.openDay(), eventId)));
    }

    @EventHandler
    void on(TaskCompleted event, @MessageIdentifier String eventId) {
        handled.once(eventId, () -> commands.sendAndWait(new CreditAccount(event.assigneeId(),
                prices.priceOf(event.taskId()).reward(), event.taskId(), days.openDay(), eventId)));
    }

    @EventHandler
    void on(PopugRegistered event, @MessageIdentifier String eventId) {
        handled.once(eventId, () -> {
            jdbc.update("""
                    INSERT INTO accounting_popugs (popug_id, username, full_name, email) VALUES (?, ?, ?, ?)
                    ON CONFLICT (popug_id) DO NOTHING""", event.popugId(), event.username(), event.fullName(), event.email());
            commands.sendAndWait(new OpenAccount(event.popugId()));
        });
    }
}
