package com.uberpopug.ates.messaging.kafka;

import org.axonframework.common.Registration;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.KafkaEventMessage;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The events a {@link KafkaEventSource} fetched, in arrival order: the extension's {@code KafkaMessageStream},
 * and it tells its reader when events arrive. A pooled processor's coordinator that finds the stream empty
 * waits to be told; without being told it looks again only after 500 ms, which is what the board's latency
 * would be made of.
 */
final class KafkaEventStream implements BlockingStream<TrackedEventMessage<?>> {

    private final ArrivalOrderBuffer<KafkaEventMessage> buffer;
    private final Registration fetching;
    private KafkaEventMessage peeked;

    KafkaEventStream(ArrivalOrderBuffer<KafkaEventMessage> buffer, Registration fetching) {
        this.buffer = buffer;
        this.fetching = fetching;
    }

    @Override
    public Optional<TrackedEventMessage<?>> peek() {
        try {
            return hasNextAvailable(0, TimeUnit.NANOSECONDS) ? Optional.of(peeked.value()) : Optional.empty();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    @Override
    public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
        if (peeked == null) {
            peeked = buffer.poll(timeout, unit);
        }
        return peeked != null;
    }

    @Override
    public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
        KafkaEventMessage next = peeked != null ? peeked : buffer.take();
        peeked = null;
        return next.value();
    }

    @Override
    public boolean setOnAvailableCallback(Runnable callback) {
        buffer.onAvailable(callback);
        return true;
    }

    @Override
    public void close() {
        fetching.cancel();
    }
}
