package com.uberpopug.ates.messaging.trace;

import com.uberpopug.ates.messaging.api.TraceIds;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;


/**
 * Puts the trace id of the message being handled into the MDC while its handlers run, so that every
 * log line they write names it, and logs each handled message at DEBUG under
 * {@code ates.handled.<component>} (a processor's name, "commands" or "deadlines").
 */
final class TracedHandling<T extends Message<?>> implements MessageHandlerInterceptor<T> {

    private final Logger log;

    TracedHandling(String component) {
        this.log = LoggerFactory.getLogger("ates.handled." + component);
    }

    @Override
    public Object handle(UnitOfWork<? extends T> unitOfWork, InterceptorChain chain) throws Exception {
        Message<?> message = unitOfWork.getMessage();
        return TraceIds.within(traceIdOf(message), () -> {
            if (log.isDebugEnabled()) {
                log.debug("{} {}", message.getPayloadType().getSimpleName(), message.getIdentifier());
            }
            return chain.proceed();
        });
    }

    /** Messages from before trace ids (or from a foreign producer) are traced by their own id. */
    static String traceIdOf(Message<?> message) {
        Object traceId = message.getMetaData().get(TraceIds.KEY);
        return traceId != null ? traceId.toString() : message.getIdentifier();
    }
}
