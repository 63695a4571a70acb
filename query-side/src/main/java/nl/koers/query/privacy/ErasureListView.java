package nl.koers.query.privacy;

import nl.koers.query.common.ViewDescriptor;
import nl.koers.query.common.ViewGenerations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The erasure list declares itself ({@link ViewDescriptor}): one document per erased youth. */
@Configuration(proxyBeanMethods = false)
public class ErasureListView {
    public static final String NAME = "erasures";
    static final String COLLECTION = "view_erasures";
    /**
     * Version 1 with the platform's processor defaults (batch size 100, 4 segments); its projection writes each
     * document at once rather than per batch.
     */
    public static final ViewDescriptor DESCRIPTOR = new ViewDescriptor(NAME, 1, 100, 4, false);

    /** The erased youths, in the generation readers see or the projection writes. */
    static ViewGenerations.GenerationalCollection erasures(ViewGenerations generations) {
        return generations.collection(NAME, COLLECTION);
    }

    @Bean
    ViewDescriptor erasureListViewDescriptor() {
        return DESCRIPTOR;
    }
}
