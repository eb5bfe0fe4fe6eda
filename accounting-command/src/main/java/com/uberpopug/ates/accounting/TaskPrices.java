package com.uberpopug.ates.accounting;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * The price of a task: the stored one, or a new one drawn and stored now (on the task's first event
 * that needs it). Read through the repository, so a price set earlier in the same processor batch is seen.
 */
@Component
class TaskPrices {

    private final Repository<TaskPrice> prices;
    private final CommandGateway commands;
    private final Pricing pricing;

    TaskPrices(Repository<TaskPrice> prices, CommandGateway commands, Pricing pricing) {
        this.prices = prices;
        this.commands = commands;
        this.pricing = pricing;
    }

    Pricing.Price priceOf(UUID taskId) {
        try {
            return prices.load(PriceTask.priceId(taskId)).invoke(price -> new Pricing.Price(price.fee(), price.reward()));
        } catch (AggregateNotFoundException notPricedYet) {
            Pricing.Price drawn = pricing.draw();
            commands.sendAndWait(new PriceTask(taskId, drawn.fee(), drawn.reward()));
            return drawn;
        }
    }
}
