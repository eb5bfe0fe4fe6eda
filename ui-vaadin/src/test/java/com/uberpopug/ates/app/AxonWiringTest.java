package com.uberpopug.ates.app;

import org.axonframework.config.AggregateConfiguration;
import org.axonframework.config.Configuration;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.spring.eventsourcing.SpringPrototypeAggregateFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Axon's parts the application chooses over the defaults, as Axon's own configuration hands them to the aggregates. */
@AtesSpringTest
class AxonWiringTest {

    @Autowired
    Configuration axon;

    @Test
    void commandsFindTheirAggregateThroughTheCachedResolver() {
        assertThat(axon.getComponent(CommandTargetResolver.class)).isInstanceOf(CommandTargets.class);
    }

    @Test
    void aTaskIsLoadedAsAPlainObjectNotAsASpringBean() {
        AggregateConfiguration<?> tasks = axon.findModules(AggregateConfiguration.class).stream()
                .filter(aggregate -> aggregate.aggregateType().getSimpleName().equals("Task"))
                .findFirst().orElseThrow();
        assertThat(tasks.aggregateFactory()).isNotInstanceOf(SpringPrototypeAggregateFactory.class)
                .extracting(factory -> factory.getClass().getSimpleName()).isEqualTo("PlainTasks");
    }
}
