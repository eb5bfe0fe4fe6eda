package com.uberpopug.ates.messaging.api;

import org.slf4j.MDC;
import org.springframework.core.task.TaskDecorator;

import java.util.Map;

/**
 * Background work runs in the log context of the thread that handed it over, so that its log lines, and
 * the commands it sends, carry the trace id of the action that started it. For Spring's task executors
 * ({@code ThreadPoolTaskExecutor#setTaskDecorator}).
 */
public final class LogContextDecorator implements TaskDecorator {

    @Override
    public Runnable decorate(Runnable work) {
        Map<String, String> handedOver = MDC.getCopyOfContextMap();
        return () -> {
            Map<String, String> before = MDC.getCopyOfContextMap();
            replaceContext(handedOver);
            try {
                work.run();
            } finally {
                replaceContext(before);
            }
        };
    }

    private static void replaceContext(Map<String, String> context) {
        if (context == null) {
            MDC.clear();
        } else {
            MDC.setContextMap(context);
        }
    }
}
