package nl.koers.query.operations;

import nl.koers.platform.web.ApiProblem;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The dead-letter queue of each processing group: events whose handler failed, parked together with the later
 * events of the same trajectory (a sequence) so nothing is applied out of order. List, retry (after a fix) and
 * evict (give up on an event, knowingly).
 */
@Service
public class DeadLetters {
    private final Processors processors;

    public DeadLetters(Processors processors) {
        this.processors = processors;
    }

    /** One parked event; the cause is the exception type and message (never personal data: see ApiProblem). */
    public record Letter(String eventId, String type, Long sequenceNumber, Instant recordedAt, Instant enqueuedAt,
                         Instant lastTouched, String causeType, String causeMessage) {
    }

    public record Sequence(String sequence, List<Letter> letters) {
    }

    public record Listing(String processingGroup, long letters, long sequences, List<Sequence> items) {
    }

    public record Retried(String processingGroup, int attempted, int succeeded, long remaining) {
    }

    public record Evicted(String processingGroup, int evicted, long remaining) {
    }

    public record Count(String processingGroup, long letters, long sequences) {
    }

    /** Every processing group with a dead-letter queue, and how much it holds. */
    List<Count> overview() {
        List<Count> counts = new ArrayList<>();
        for (String group : processors.names()) {
            processors.configuration().deadLetterQueue(group).ifPresent(queue ->
                    counts.add(new Count(group, queue.size(), queue.amountOfSequences())));
        }
        return counts;
    }

    Listing list(String group, int limit) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(group);
        List<Sequence> items = new ArrayList<>();
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
            if (items.size() >= limit) {
                break;
            }
            List<Letter> letters = new ArrayList<>();
            String id = null;
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                id = sequenceOf(letter);
                letters.add(toLetter(letter));
            }
            if (id != null) {
                items.add(new Sequence(id, letters));
            }
        }
        return new Listing(group, queue.size(), queue.amountOfSequences(), items);
    }

    /** Retries one sequence, or every sequence once; a sequence that fails again stays parked. */
    Retried retry(String group, String sequence) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(group);
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processors.configuration()
                .sequencedDeadLetterProcessor(group)
                .orElseThrow(() -> ApiProblem.conflict("processing group " + group + " has no dead-letter processor"));
        int attempted = 0;
        int succeeded = 0;
        if (sequence != null) {
            if (!queue.contains(sequence)) {
                throw ApiProblem.notFound("no dead letters in this sequence");
            }
            attempted = 1;
            succeeded = processor.process(letter -> sequence.equals(sequenceOf(letter))) ? 1 : 0;
        } else {
            long sequences = queue.amountOfSequences();
            for (long i = 0; i < sequences; i++) {
                attempted++;
                if (processor.processAny()) {
                    succeeded++;
                }
            }
        }
        return new Retried(group, attempted, succeeded, queue.size());
    }

    /** Evicts a whole sequence, or only the letter of one event in it. */
    Evicted evict(String group, String sequence, String eventId) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(group);
        List<DeadLetter<? extends EventMessage<?>>> letters = new ArrayList<>();
        queue.deadLetterSequence(sequence).forEach(letter -> {
            if (eventId == null || eventId.equals(letter.message().getIdentifier())) {
                letters.add(letter);
            }
        });
        if (letters.isEmpty()) {
            throw ApiProblem.notFound(eventId == null ? "no dead letters in this sequence"
                    : "no dead letter for this event in this sequence");
        }
        letters.forEach(queue::evict);
        return new Evicted(group, letters.size(), queue.size());
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String group) {
        processors.get(group);
        return processors.configuration().deadLetterQueue(group)
                .orElseThrow(() -> ApiProblem.conflict("processing group " + group + " has no dead-letter queue"));
    }

    /** The sequencing policy groups per aggregate (trajectory): its id names the sequence. */
    static String sequenceOf(DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> message = letter.message();
        return message instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier()
                : message.getIdentifier();
    }

    private static Letter toLetter(DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> message = letter.message();
        Long sequenceNumber = message instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : null;
        return new Letter(message.getIdentifier(), message.getPayloadType().getSimpleName(), sequenceNumber,
                message.getTimestamp(), letter.enqueuedAt(), letter.lastTouched(),
                letter.cause().map(c -> c.type()).orElse(null), letter.cause().map(c -> c.message()).orElse(null));
    }
}
