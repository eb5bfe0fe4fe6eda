package com.uberpopug.ates.app;

import com.uberpopug.ates.messaging.api.PlainAggregates;
import org.axonframework.config.AggregateConfiguration;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.lang.reflect.Method;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Axon's parts the application chooses over the defaults, as Axon's own configuration hands them to the aggregates. */
@AtesSpringTest
class AxonWiringTest {

    @Autowired
    Configuration axon;
    @Autowired
    Snapshotter snapshotter;

    @Test
    void commandsFindTheirAggregateThroughTheCachedResolver() {
        assertThat(axon.getComponent(CommandTargetResolver.class)).isInstanceOf(CommandTargets.class);
    }

    @Test
    void everyAggregateIsLoadedAsAPlainObjectNotAsASpringBean() {
        List<AggregateConfiguration<?>> aggregates = axon.findModules(AggregateConfiguration.class).stream()
                .<AggregateConfiguration<?>>map(aggregate -> aggregate).toList();
        assertThat(aggregates).extracting(aggregate -> aggregate.aggregateType().getSimpleName())
                .containsExactlyInAnyOrder("Popug", "Task", "TaskPrice", "Account", "BusinessCalendar");
        assertThat(aggregates).allSatisfy(aggregate -> assertThat(aggregate.aggregateFactory())
                .as(aggregate.aggregateType().getSimpleName()).isInstanceOf(PlainAggregates.class));
    }

    @Test
    void theSnapshotterMakesAccountsAsPlainObjectsToo() throws Exception {
        Class<?> account = axon.findModules(AggregateConfiguration.class).stream()
                .map(AggregateConfiguration::aggregateType)
                .filter(type -> type.getSimpleName().equals("Account")).findFirst().orElseThrow();
        // The snapshotter looks its factories up when it first snapshots a type; the look-up is not public.
        Method factoryFor = AggregateSnapshotter.class.getDeclaredMethod("getAggregateFactory", Class.class);
        factoryFor.setAccessible(true);
        assertThat(factoryFor.invoke(snapshotter, account)).isInstanceOf(PlainAggregates.class);
    }
}
