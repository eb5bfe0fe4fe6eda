package com.uberpopug.ates.accounting;

import com.uberpopug.ates.api.InvalidCommandException;
import com.uberpopug.ates.api.accounting.TaskPriced;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static com.uberpopug.ates.api.accounting.Money.dollars;
import static org.hamcrest.Matchers.containsString;

class TaskPriceTest {

    private static final UUID TASK = UUID.fromString("00000000-0000-0000-0000-000000000042");

    private FixtureConfiguration<TaskPrice> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(TaskPrice.class);
    }

    @Test
    void aTaskIsPricedOnce() {
        fixture.givenNoPriorActivity()
                .when(new PriceTask(TASK, dollars(12), dollars(31)))
                .expectEvents(new TaskPriced(TASK, dollars(12), dollars(31)));
    }

    /** The fixture's event store refuses the second first event as PostgreSQL's unique key does. */
    @Test
    void aSecondPriceForTheSameTaskIsRefused() {
        fixture.given(new TaskPriced(TASK, dollars(12), dollars(31)))
                .when(new PriceTask(TASK, dollars(19), dollars(22)))
                .expectNoEvents()
                .expectException(RuntimeException.class)
                .expectExceptionMessage(containsString("Unexpected sequence number"));
    }

    @Test
    void pricesAreMoreThanZero() {
        fixture.givenNoPriorActivity()
                .when(new PriceTask(TASK, dollars(0), dollars(-1)))
                .expectNoEvents()
                .expectException(InvalidCommandException.class)
                .expectExceptionMessage("fee: The assignment fee is more than zero.; reward: The completion reward is more than zero.");
    }
}
