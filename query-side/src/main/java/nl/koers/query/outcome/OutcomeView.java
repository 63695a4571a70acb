package nl.koers.query.outcome;

import nl.koers.query.common.ScopeEntries;
import nl.koers.query.common.ViewDescriptor;
import nl.koers.query.common.ViewGenerations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The outcome view declares itself ({@link ViewDescriptor}): a state per trajectory and a document per focus area
 * and cohort with an entry per trajectory, both read by id only.
 */
@Configuration(proxyBeanMethods = false)
public class OutcomeView {
    public static final String NAME = "outcomes";
    static final String STATES = "view_outcome_trajectory";
    static final String COUNTERS = "view_outcomes";
    /** Version 1; batch size and segments as measured for the views ({@code operations/ProcessorTuning}). */
    public static final ViewDescriptor DESCRIPTOR = new ViewDescriptor(NAME, 1, 200, 2, true);

    /** The per-trajectory states, in the generation readers see or the projection writes. */
    static ViewGenerations.GenerationalCollection states(ViewGenerations generations) {
        return generations.collection(NAME, STATES);
    }

    /** The focus area and cohort documents, in the generation readers see or the projection writes. */
    static ViewGenerations.GenerationalCollection cohorts(ViewGenerations generations) {
        return generations.collection(NAME, COUNTERS);
    }

    @Bean
    ViewDescriptor outcomeViewDescriptor() {
        return DESCRIPTOR;
    }

    /**
     * Adds the focus area and cohort documents built in {@code from} to those in {@code into}
     * ({@link ScopeEntries#merge}): the offline replay builds the view per slice of trajectories.
     */
    public static void mergeScopes(ViewGenerations from, ViewGenerations into) {
        ScopeEntries.merge(cohorts(from).forWriting(), cohorts(into).forWriting());
    }
}
