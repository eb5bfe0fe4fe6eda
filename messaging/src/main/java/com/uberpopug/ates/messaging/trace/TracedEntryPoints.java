package com.uberpopug.ates.messaging.trace;

import com.uberpopug.ates.messaging.api.TraceIds;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * A command sent outside of any handled message (from a request, the CLI, a background job) carries
 * the trace id of its thread, or starts a trace; command handlers run with it in the MDC. Deadlines
 * start a trace each time they fire.
 */
@Component
class TracedEntryPoints {

    TracedEntryPoints(CommandBus commandBus, DeadlineManager deadlines) {
        commandBus.registerDispatchInterceptor(new TraceNewCommands());
        commandBus.registerHandlerInterceptor(new TracedHandling<>("commands"));
        deadlines.registerHandlerInterceptor(new DeadlineTracing());
    }

    private static final class TraceNewCommands implements MessageDispatchInterceptor<CommandMessage<?>> {

        @Override
        public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
            return (index, command) -> {
                if (command.getMetaData().containsKey(TraceIds.KEY)) {
                    return command; // sent while handling a traced message: Axon copied its trace id
                }
                String current = TraceIds.current();
                return command.andMetaData(Map.of(TraceIds.KEY, current != null ? current : TraceIds.newId()));
            };
        }
    }
}
