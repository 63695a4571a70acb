package nl.koers.query.common;

/**
 * A view that is rebuilt beside the one readers use ({@code operations/ViewRebuilds}): its processor writes a fresh
 * generation while readers keep the complete current one, and readers are switched over in one step once the fresh
 * generation has caught up. So a read during a rebuild never sees an empty or half-built view.
 */
public interface RebuiltAside {
    /** Whether this holds the view of that processor. */
    boolean holds(String processor);

    /**
     * Starts a fresh, empty generation that the processor writes from now on and readers do not see; called while
     * the processor is stopped, before its tokens are reset. {@code target} is the log position the rebuild must
     * reach before readers switch (remembered across a restart).
     */
    void begin(String processor, long target);

    /** The tokens were reset: the fresh generation is being built from the start of the log. */
    void replaying(String processor);

    /** The rebuild in progress, if any: its target position, and whether its tokens were reset. */
    java.util.Optional<Progress> inProgress(String processor);

    /** Readers see the fresh generation from now on; the one they saw before goes. */
    void switchOver(String processor);

    record Progress(long target, boolean replaying) {
    }
}
