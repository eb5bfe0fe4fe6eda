package com.uberpopug.ates.tasks;

import com.uberpopug.ates.messaging.api.PlainAggregates;
import org.axonframework.eventsourcing.AggregateFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/** The task context's wiring that is not a plain component. */
@Configuration
class TaskConfiguration {

    /**
     * Assignments drawn with a strong random source: nobody can predict who gets the next task. A generator of
     * its own (DRBG), not the JVM-wide NativePRNG, whose one lock every {@code new SecureRandom()} shares.
     */
    @Bean
    AssigneeDraw assigneeDraw(EligibleAssignees eligible) throws NoSuchAlgorithmException {
        return new AssigneeDraw(eligible, SecureRandom.getInstance("DRBG"));
    }

    /** Tasks loaded (to be completed or reassigned) as plain objects, not as Spring beans: {@link PlainAggregates}. */
    @Bean
    AggregateFactory<Task> taskAggregateFactory() {
        return new PlainAggregates<>(Task.class, Task::new);
    }
}
