package com.uberpopug.ates.messaging.api;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class LogContextDecoratorTest {

    private final ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();

    @AfterEach
    void stop() {
        executor.shutdown();
        MDC.clear();
    }

    @Test
    void workRunsWithTheTraceIdOfTheThreadThatHandedItOverAndLeavesNoneBehind() throws Exception {
        executor.setCorePoolSize(1);
        executor.setMaxPoolSize(1);
        executor.setTaskDecorator(new LogContextDecorator());
        executor.initialize();

        MDC.put(TraceIds.KEY, "trace-of-the-click");
        String seen = CompletableFuture.supplyAsync(TraceIds::current, executor).get(10, TimeUnit.SECONDS);
        MDC.remove(TraceIds.KEY);
        String seenByLaterWork = CompletableFuture.supplyAsync(TraceIds::current, executor).get(10, TimeUnit.SECONDS);

        assertThat(seen).isEqualTo("trace-of-the-click");
        assertThat(seenByLaterWork).as("the pool thread keeps nothing of the work before").isNull();
    }
}
