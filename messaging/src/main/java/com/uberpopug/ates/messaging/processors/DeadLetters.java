package com.uberpopug.ates.messaging.processors;

import com.uberpopug.ates.api.CommandRefusedException;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The events processors parked (Axon's dead-letter queues on PostgreSQL): listed, retried after a fix
 * (each aggregate's parked events in order, by the processor's own handlers), or evicted for good.
 */
@Component
public class DeadLetters {

    /** One parked event, with why it was parked. */
    public record Letter(String processor, String id, String eventId, String eventType, String aggregate,
                         Instant enqueuedAt, String cause) {
    }

    /** What a retry did: sequences (aggregates) handled now, and those parked again or still waiting. */
    public record Retried(int handled, long stillParked) {
    }

    private final KnownProcessors known;
    private final EventProcessingConfiguration processing;

    DeadLetters(KnownProcessors known, EventProcessingConfiguration processing) {
        this.known = known;
        this.processing = processing;
    }

    public List<Letter> list(String processor) {
        List<Letter> letters = new ArrayList<>();
        for (String name : processor == null ? withQueues() : List.of(processor)) {
            for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue(name).deadLetters()) {
                for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                    letters.add(describe(name, letter));
                }
            }
        }
        return letters;
    }

    public Retried retry(String processor) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(processor);
        SequencedDeadLetterProcessor<EventMessage<?>> retrier = processing.sequencedDeadLetterProcessor(processor)
                .orElseThrow(() -> noQueue(processor));
        long sequences = queue.amountOfSequences();
        int handled = 0;
        for (long attempt = 0; attempt < sequences; attempt++) {
            if (retrier.processAny()) {
                handled++;
            }
        }
        return new Retried(handled, queue.size());
    }

    /** Evicts the letter with that id (or event id); false when there is none. */
    public boolean evict(String processor, String id) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(processor);
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                Letter described = describe(processor, letter);
                if (id.equals(described.id()) || id.equals(described.eventId())) {
                    queue.evict(letter);
                    return true;
                }
            }
        }
        return false;
    }

    /** Processors that park failed events. */
    public List<String> withQueues() {
        return known.names().stream().filter(name -> processing.deadLetterQueue(name).isPresent()).toList();
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String processor) {
        return processing.deadLetterQueue(processor).orElseThrow(() -> noQueue(processor));
    }

    private CommandRefusedException noQueue(String processor) {
        return new CommandRefusedException("Processor '" + processor + "' has no dead-letter queue. Processors that have one: "
                + String.join(", ", withQueues()));
    }

    private static Letter describe(String processor, DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> event = letter.message();
        String id = letter instanceof JdbcDeadLetter<?> jdbc ? jdbc.getIdentifier() : event.getIdentifier();
        String aggregate = event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : null;
        String cause = letter.cause().map(c -> c.type() + ": " + c.message()).orElse(null);
        return new Letter(processor, id, event.getIdentifier(), event.getPayloadType().getSimpleName(), aggregate,
                letter.enqueuedAt(), cause);
    }
}
