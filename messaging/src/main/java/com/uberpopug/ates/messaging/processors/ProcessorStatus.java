package com.uberpopug.ates.messaging.processors;

import java.time.Duration;

/**
 * One event processor as operators see it.
 *
 * @param source      where it reads (subscribing: no position, no lag)
 * @param state       what it does now
 * @param pausedBy    who holds it while {@link ProcessorState#PAUSED} (a replay somewhere), else null
 * @param owner       which process holds its token (null: nobody)
 * @param position    how far it has read: global index, or the sum of its Kafka offsets
 * @param lagEvents   events stored or on Kafka that it has not handled yet (null: not tracked)
 * @param lagTime     age of the oldest of those (zero when none)
 * @param deadLetters events parked in its dead-letter queue
 */
public record ProcessorStatus(String name, ProcessorSource source, ProcessorState state, String pausedBy, String owner,
                              Long position, Long lagEvents, Duration lagTime, long deadLetters) {

    /** The state in words: {@code paused (replay of board on host-1)}, {@code running}, … */
    public String stateText() {
        return state == ProcessorState.PAUSED ? "paused (" + pausedBy + ")" : state.toString();
    }
}
