package com.uberpopug.ates.messaging.kafka;

import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.Buffer;

import java.util.Collection;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The buffer between a Kafka consumer's polls and a tracking processor: records in the order the consumer
 * fetched them (Kafka keeps each partition in offset order), every one of them.
 *
 * <p>Replaces the extension's {@code SortedKafkaMessageBuffer}, which orders records by (timestamp,
 * partition, offset) in a sorted set: two records of different topics with the same timestamp, partition
 * and offset compare as equal, and one of them silently disappears. With one publisher writing all topics
 * in the same millisecond and topics of similar length, that happened (a TaskAssigned never reached
 * accounting; docs/adr/0008). Arrival order also keeps each message's tracking token (positions after
 * fetching it) in step with delivery, so a stored token never covers a record not yet delivered.
 */
final class ArrivalOrderBuffer<E> implements Buffer<E> {

    private static final long WAIT_SLICE_MS = 100;

    private final LinkedBlockingQueue<E> queue;
    private volatile RuntimeException failure;

    ArrivalOrderBuffer(int capacity) {
        this.queue = new LinkedBlockingQueue<>(capacity);
    }

    @Override
    public void put(E element) throws InterruptedException {
        queue.put(element);
    }

    @Override
    public void putAll(Collection<E> elements) throws InterruptedException {
        for (E element : elements) {
            queue.put(element);
        }
    }

    /** Puts the element in if there is room for it within the timeout; false if not. */
    boolean offer(E element, long timeout, TimeUnit unit) throws InterruptedException {
        return queue.offer(element, timeout, unit);
    }

    @Override
    public E poll(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (true) {
            long remainingMs = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            E next = queue.poll(Math.max(0, Math.min(remainingMs, WAIT_SLICE_MS)), TimeUnit.MILLISECONDS);
            if (next != null) {
                return next;
            }
            throwIfFailed();
            if (remainingMs <= WAIT_SLICE_MS) {
                return null;
            }
        }
    }

    @Override
    public E take() throws InterruptedException {
        while (true) {
            E next = queue.poll(WAIT_SLICE_MS, TimeUnit.MILLISECONDS);
            if (next != null) {
                return next;
            }
            throwIfFailed();
        }
    }

    @Override
    public E peek() {
        E next = queue.peek();
        if (next == null) {
            throwIfFailed();
        }
        return next;
    }

    @Override
    public int size() {
        return queue.size();
    }

    @Override
    public boolean isEmpty() {
        return queue.isEmpty();
    }

    @Override
    public int remainingCapacity() {
        return queue.remainingCapacity();
    }

    @Override
    public void clear() {
        queue.clear();
    }

    /** The fetcher failed: once the records fetched before are taken, readers get the failure. */
    @Override
    public void setException(RuntimeException exception) {
        this.failure = exception;
    }

    private void throwIfFailed() {
        RuntimeException failed = failure;
        if (failed != null) {
            throw failed;
        }
    }
}
