package nl.koers.query.common;

/**
 * What operations needs to know of a view, declared once by the view's own package as a bean of this type (see
 * {@code summary/SummaryView}): {@code operations/ProcessorTuning} runs its processor with these settings and
 * {@code operations/ViewVersions} rebuilds it when its version changes, so adding a view touches only its package.
 *
 * @param name             its processing group, which names its processor (and the view in the admin API)
 * @param version          raise it whenever the projection changes the shape or meaning of its documents: the
 *                         next start rebuilds the view from the event log
 * @param batchSize        events per processor batch ({@code koers.query.processors.<name>.batch-size} overrides it)
 * @param segments         segments of its processor, which replicas share; only used when its tokens are first
 *                         created ({@code koers.query.processors.<name>.segments} overrides it)
 * @param flushBeforeToken the projection writes through {@link ViewBatch}: the batch's writes must go out before
 *                         the processor stores the batch's token
 */
public record ViewDescriptor(String name, int version, int batchSize, int segments, boolean flushBeforeToken) {
    public ViewDescriptor {
        if (name == null || name.isBlank() || version < 1 || batchSize < 1 || segments < 1) {
            throw new IllegalArgumentException("a view needs a name, a version from 1, a batch size and segments");
        }
    }
}
