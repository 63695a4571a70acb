package nl.koers.platform.axon;

/**
 * A processing group whose whole state lives in memory and is rebuilt from the start of the event log at every
 * start, declared as a bean of this type: its tracking tokens stay in memory too (so each process reads the whole
 * log for itself) and it has no dead-letter queue, since a parked event would outlive the state it belongs to.
 * Its handlers must therefore never throw. Used for what may not be persisted at all, such as the read side's
 * search index of opened names.
 */
public record TransientProcessingGroup(String name) {
    public TransientProcessingGroup {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a processing group needs a name");
        }
    }
}
