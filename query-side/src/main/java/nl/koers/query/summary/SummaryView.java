package nl.koers.query.summary;

import nl.koers.query.common.ViewDescriptor;
import nl.koers.query.common.ViewGenerations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The summary view declares itself ({@link ViewDescriptor}): one document per trajectory, sealed, read by id and
 * listed along the indexes its projection declares.
 */
@Configuration(proxyBeanMethods = false)
public class SummaryView {
    public static final String NAME = "trajectory-summary";
    static final String COLLECTION = "view_trajectory_summary";
    /**
     * Version 2: each document is the trajectory's case file (detention, interventions, basic conditions). Batch size
     * and segments as measured for the views ({@code operations/ProcessorTuning}).
     */
    public static final ViewDescriptor DESCRIPTOR = new ViewDescriptor(NAME, 2, 200, 2, true);

    /** The summaries, in the generation readers see or the projection writes, with the list's indexes. */
    static ViewGenerations.GenerationalCollection summaries(ViewGenerations generations) {
        return generations.collection(NAME, COLLECTION, TrajectorySummaryProjection::createIndexes);
    }

    @Bean
    ViewDescriptor summaryViewDescriptor() {
        return DESCRIPTOR;
    }
}
