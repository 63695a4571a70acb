package nl.koers.query.caseload;

import nl.koers.query.common.ScopeEntries;
import nl.koers.query.common.ViewDescriptor;
import nl.koers.query.common.ViewGenerations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The caseload view declares itself ({@link ViewDescriptor}): a state per trajectory and a document per wijk with an
 * entry per trajectory, both read by id only.
 */
@Configuration(proxyBeanMethods = false)
public class CaseloadView {
    public static final String NAME = "caseload";
    static final String STATES = "view_caseload_trajectory";
    static final String COUNTERS = "view_caseload";
    /**
     * Version 2: the entries carry the case file's work facts (worklist signals). Batch size and segments as measured
     * for the views ({@code operations/ProcessorTuning}).
     */
    public static final ViewDescriptor DESCRIPTOR = new ViewDescriptor(NAME, 2, 200, 2, true);

    /** The per-trajectory states, in the generation readers see or the projection writes. */
    static ViewGenerations.GenerationalCollection states(ViewGenerations generations) {
        return generations.collection(NAME, STATES);
    }

    /** The wijk documents, in the generation readers see or the projection writes. */
    static ViewGenerations.GenerationalCollection wijken(ViewGenerations generations) {
        return generations.collection(NAME, COUNTERS);
    }

    @Bean
    ViewDescriptor caseloadViewDescriptor() {
        return DESCRIPTOR;
    }

    /**
     * Adds the wijk documents built in {@code from} to those in {@code into} ({@link ScopeEntries#merge}): the
     * offline replay builds the view per slice of trajectories.
     */
    public static void mergeScopes(ViewGenerations from, ViewGenerations into) {
        ScopeEntries.merge(wijken(from).forWriting(), wijken(into).forWriting());
    }
}
