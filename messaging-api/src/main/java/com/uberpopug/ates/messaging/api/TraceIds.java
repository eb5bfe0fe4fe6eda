package com.uberpopug.ates.messaging.api;

import org.slf4j.MDC;

import java.util.regex.Pattern;

/**
 * The trace id of a user action (a click, an API call, a CLI command, a deadline): one per action, in
 * the metadata of every command and event it causes (Axon's {@code MessageOriginProvider} copies the
 * {@value #KEY} entry from each handled message to the messages it sends), in Kafka headers
 * ({@code axon-metadata-traceId}) and in the MDC of every log line written while handling them.
 */
public final class TraceIds {

    /** Metadata and MDC key; the key Axon's {@code MessageOriginProvider} copies from message to message. */
    public static final String KEY = "traceId";

    /** What a caller may hand in (X-Trace-Id): letters, digits, '.', '_', '-', 8 to 64 of them. */
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    private TraceIds() {
    }

    /** 32 hexadecimal digits, as a W3C trace id. */
    public static String newId() {
        return RandomIds.newUuid().toString().replace("-", "");
    }

    /** The trace id of the work this thread is doing, or null outside of any traced work. */
    public static String current() {
        return MDC.get(KEY);
    }

    /** The given id if a caller may set it, a new one otherwise. */
    public static String acceptOrCreate(String candidate) {
        return candidate != null && ACCEPTED.matcher(candidate).matches() ? candidate : newId();
    }

    /** Runs {@code work} with {@code traceId} in the MDC, restoring what was there before. */
    public static <T> T within(String traceId, ThrowingSupplier<T> work) throws Exception {
        String before = MDC.get(KEY);
        MDC.put(KEY, traceId);
        try {
            return work.get();
        } finally {
            if (before == null) {
                MDC.remove(KEY);
            } else {
                MDC.put(KEY, before);
            }
        }
    }

    @FunctionalInterface
    public interface ThrowingSupplier<T> {
        T get() throws Exception;
    }
}
