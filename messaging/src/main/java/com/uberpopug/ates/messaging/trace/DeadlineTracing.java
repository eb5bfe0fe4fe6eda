package com.uberpopug.ates.messaging.trace;

import com.uberpopug.ates.messaging.api.TraceIds;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Function;

/**
 * A deadline that fires is a user action of its own (the business day closing by itself): it starts a
 * new trace instead of continuing the one that scheduled it, perhaps a day earlier. The deadline
 * manager's unit of work has no correlation providers, so the trace id is carried to the events and
 * commands of the handler by registering Axon's {@link MessageOriginProvider} on it.
 */
final class DeadlineTracing implements MessageHandlerInterceptor<DeadlineMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger("ates.handled.deadlines");

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Object handle(UnitOfWork<? extends DeadlineMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        String traceId = TraceIds.newId();
        Function<Message<?>, Message<?>> traced = message -> message.andMetaData(java.util.Map.of(TraceIds.KEY, traceId));
        ((UnitOfWork) unitOfWork).transformMessage(traced);
        unitOfWork.registerCorrelationDataProvider(new MessageOriginProvider());
        return TraceIds.within(traceId, () -> {
            log.info("Deadline {} fires", unitOfWork.getMessage().getDeadlineName());
            return chain.proceed();
        });
    }
}
