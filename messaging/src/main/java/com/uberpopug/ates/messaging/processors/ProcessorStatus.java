package com.uberpopug.ates.messaging.processors;

import java.time.Duration;

/**
 * One event processor as operators see it.
 *
 * @param source      "event store", "kafka" or "command transaction" (subscribing: no position, no lag)
 * @param state       running, stopped, replaying, paused (a replay elsewhere holds it), error
 * @param owner       which process holds its token (null: nobody)
 * @param position    how far it has read: global index, or the sum of its Kafka offsets
 * @param lagEvents   events stored or on Kafka that it has not handled yet (null: not tracked)
 * @param lagTime     age of the oldest of those (zero when none)
 * @param deadLetters events parked in its dead-letter queue
 */
public record ProcessorStatus(String name, String source, String state, String owner, Long position,
                              Long lagEvents, Duration lagTime, long deadLetters) {
}
