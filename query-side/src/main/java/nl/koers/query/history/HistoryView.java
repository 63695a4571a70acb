package nl.koers.query.history;

import nl.koers.query.common.ViewDescriptor;
import nl.koers.query.common.ViewGenerations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The history view declares itself ({@link ViewDescriptor}): one document per trajectory holding every entry, read
 * by id only.
 */
@Configuration(proxyBeanMethods = false)
public class HistoryView {
    public static final String NAME = "trajectory-history";
    static final String COLLECTION = "view_trajectory_history";
    /** Version 1; batch size and segments as measured for the views ({@code operations/ProcessorTuning}). */
    public static final ViewDescriptor DESCRIPTOR = new ViewDescriptor(NAME, 1, 200, 2, true);

    /** The histories, in the generation readers see or the projection writes. */
    static ViewGenerations.GenerationalCollection histories(ViewGenerations generations) {
        return generations.collection(NAME, COLLECTION);
    }

    @Bean
    ViewDescriptor historyViewDescriptor() {
        return DESCRIPTOR;
    }
}
