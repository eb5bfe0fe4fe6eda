package com.uberpopug.ates.messaging.kafka;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.axonframework.extensions.kafka.eventhandling.consumer.ConsumerFactory;
import org.axonframework.extensions.kafka.eventhandling.consumer.ConsumerSeekUtil;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.KafkaEventMessage;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.KafkaMessageStream;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.KafkaTrackingToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One Kafka consumer, on a thread of its own, whose records go to several streams: those a processor opens on
 * this instance, one per segment it holds. Each record is fetched and read into an event once, however many
 * segments there are; before, each segment's stream had a consumer that fetched and read all of the topics to
 * hand on its share.
 *
 * <p>Each stream keeps its own positions (the offset of the last record it was given, per partition) and gets
 * every record after them exactly once, in offset order per partition, each with a token of its own positions.
 * The consumer reads from the lowest position of its streams: a stream that joins behind it (a segment claimed
 * from another instance, or reopened after a failure) makes it seek back, and the streams ahead skip what they
 * were already given. A stream that stops taking holds the others back once its buffer is full, as a slow segment
 * held its own consumer back before; a closed one is let go at once.
 */
final class KafkaReader implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(KafkaReader.class);
    private static final AtomicInteger READERS = new AtomicInteger();

    private final List<String> topics;
    private final KafkaMessageConverter<String, byte[]> converter;
    private final Duration pollTimeout;
    private final int bufferSize;
    private final Consumer<String, byte[]> consumer;
    /** Started with the first stream: a reader without streams stops. */
    private final Thread thread;
    private final List<Stream> streams = new CopyOnWriteArrayList<>();
    private final Queue<Stream> joining = new ConcurrentLinkedQueue<>();
    /** Set under this reader's lock, as streams join under it: no stream joins a reader that has stopped. */
    private volatile boolean stopped;

    KafkaReader(List<String> topics, ConsumerFactory<String, byte[]> consumers, KafkaMessageConverter<String, byte[]> converter,
                Duration pollTimeout, int bufferSize) {
        this.topics = topics;
        this.converter = converter;
        this.pollTimeout = pollTimeout;
        this.bufferSize = bufferSize;
        this.consumer = consumers.createConsumer(null);
        this.thread = new Thread(this, "kafka-reader-" + READERS.incrementAndGet());
        thread.setDaemon(true);
    }

    /**
     * A stream of the records after {@code from}'s positions (from the start of a partition it does not name); empty
     * when this reader has stopped (its last stream closed, or Kafka failed it), and a new one must read.
     */
    synchronized Optional<KafkaMessageStream> open(KafkaTrackingToken from) {
        if (stopped) {
            return Optional.empty();
        }
        Stream stream = new Stream(from.getPositions(), new ArrivalOrderBuffer<>(bufferSize));
        joining.add(stream); // taken in after the reader's current poll (at most axon.kafka.fetcher.poll-timeout)
        if (thread.getState() == Thread.State.NEW) {
            thread.start();
        }
        return Optional.of(new KafkaMessageStream(stream.buffer, () -> {
            stream.closed = true;
            streams.remove(stream);
            joining.remove(stream);
            return true;
        }));
    }

    /** Its last stream closed, or Kafka failed it: it holds no consumer any longer, or is about to let go of it. */
    boolean stopped() {
        return stopped;
    }

    @Override
    public void run() {
        try {
            List<TopicPartition> partitions = ConsumerSeekUtil.topicPartitions(consumer, topics);
            consumer.assign(partitions);
            boolean sought = false;
            while (!stopped) {
                for (Stream stream = joining.poll(); stream != null; stream = joining.poll()) {
                    seekBackTo(partitions, stream, !sought);
                    sought = true;
                    streams.add(stream);
                }
                if (streams.isEmpty()) {
                    stopUnlessJoined();
                } else {
                    hand(consumer.poll(pollTimeout));
                }
            }
        } catch (RuntimeException failed) {
            log.warn("Reading {} failed; its streams fail with it and are opened again by their processor", topics, failed);
            synchronized (this) {
                stopped = true;
                streams.forEach(stream -> stream.buffer.setException(failed));
                joining.forEach(stream -> stream.buffer.setException(failed));
            }
        } finally {
            consumer.close();
        }
    }

    /** The consumer's next record of each partition is at or before the joining stream's next. */
    private void seekBackTo(List<TopicPartition> partitions, Stream stream, boolean first) {
        for (TopicPartition partition : partitions) {
            long next = stream.positions.getOrDefault(partition, -1L) + 1;
            if (first || next < consumer.position(partition)) {
                consumer.seek(partition, next);
            }
        }
    }

    private void hand(ConsumerRecords<String, byte[]> records) {
        for (ConsumerRecord<String, byte[]> record : records) {
            Optional<EventMessage<?>> event = converter.readKafkaMessage(record);
            if (event.isEmpty()) {
                continue;
            }
            TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            for (Stream stream : streams) {
                stream.take(partition, record, event.get());
            }
        }
    }

    /** The last stream closed: stop, unless one is joining (after this, {@link #open} leaves it to a new reader). */
    private synchronized void stopUnlessJoined() {
        if (joining.isEmpty()) {
            stopped = true;
        }
    }

    /** One segment's stream: its positions, and the buffer its processor reads. */
    private static final class Stream {

        private final Map<TopicPartition, Long> positions;
        private final ArrivalOrderBuffer<KafkaEventMessage> buffer;
        private volatile boolean closed;

        Stream(Map<TopicPartition, Long> from, ArrivalOrderBuffer<KafkaEventMessage> buffer) {
            this.positions = new HashMap<>(from);
            this.buffer = buffer;
        }

        /** Puts the event into the buffer if this stream has not had its record yet; waits while the buffer is full. */
        void take(TopicPartition partition, ConsumerRecord<String, byte[]> record, EventMessage<?> event) {
            if (record.offset() <= positions.getOrDefault(partition, -1L)) {
                return;
            }
            positions.put(partition, record.offset());
            // The token keeps a copy of the positions of its own.
            KafkaEventMessage message = KafkaEventMessage.from(event, record, KafkaTrackingToken.newInstance(positions));
            try {
                while (!closed && !buffer.offer(message, 100, TimeUnit.MILLISECONDS)) {
                    // Full: its processor is behind. Keep trying until it takes or closes the stream.
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while handing on a Kafka record", interrupted);
            }
        }
    }
}
