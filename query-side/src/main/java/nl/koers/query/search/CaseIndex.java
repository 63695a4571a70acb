package nl.koers.query.search;

import nl.koers.events.aftercare.AftercareStarted;
import nl.koers.events.common.EncryptedValue;
import nl.koers.events.common.Phase;
import nl.koers.events.common.YouthId;
import nl.koers.events.detention.DetentionEnded;
import nl.koers.events.detention.DetentionStarted;
import nl.koers.events.privacy.YouthPersonalDataErased;
import nl.koers.events.trajectory.CaseworkerAssigned;
import nl.koers.events.trajectory.TrajectoryClosed;
import nl.koers.events.trajectory.TrajectoryOpened;
import nl.koers.events.trajectory.TrajectoryTransferred;
import nl.koers.platform.crypto.IdentityHasher;
import nl.koers.platform.crypto.PersonalDataCipher;
import nl.koers.query.common.RebuiltAside;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The search index: every trajectory's searchable facts ({@link IndexedCase}) in memory, built by its own
 * processing group from the event log at every start ({@link CaseIndexConfiguration}: tokens in memory, nothing
 * persisted). Names and birth date are opened with the youth's key when the opening event is handled and kept only
 * here, normalised; the BSN only as a keyed hash. An erased youth's key is gone, so their opening yields nothing to
 * find, and the erasure event drops what was indexed before. Handlers never throw (the group has no dead-letter
 * queue): what cannot be opened is simply not findable, and the log line says which trajectory, never what.
 */
@Component
@ProcessingGroup(CaseIndex.NAME)
public class CaseIndex implements RebuiltAside {
    public static final String NAME = "case-index";
    private static final Logger log = LoggerFactory.getLogger(CaseIndex.class);
    /** What searches read. */
    private volatile Map<String, IndexedCase> live = new ConcurrentHashMap<>();
    /** During a rebuild ({@link RebuiltAside}): the index being built, which searches do not see yet. */
    private volatile Map<String, IndexedCase> building;
    private volatile Progress progress;
    private final PersonalDataCipher cipher;
    private final IdentityHasher hasher;

    public CaseIndex(PersonalDataCipher cipher, IdentityHasher hasher) {
        this.cipher = cipher;
        this.hasher = hasher;
    }

    @EventHandler
    void on(TrajectoryOpened e) {
        String id = e.trajectoryId().value();
        YouthId youth = e.youthId();
        List<String> given = List.of();
        List<String> family = List.of();
        LocalDate birthDate = null;
        String bsnHash = null;
        try {
            given = open(youth, e.youth().givenName()).map(NameTokens::of).orElse(List.of());
            family = open(youth, e.youth().familyName()).map(NameTokens::of).orElse(List.of());
            birthDate = open(youth, e.youth().birthDate()).map(LocalDate::parse).orElse(null);
            bsnHash = open(youth, e.youth().bsn()).map(hasher::ofBsn).orElse(null);
        } catch (RuntimeException failure) {
            log.warn("Search index: the personal fields of trajectory {} could not be opened ({}); it cannot be "
                    + "found by name", id, failure.getClass().getSimpleName());
        }
        written().put(id, new IndexedCase(id, youth.value(), e.focusArea() == null ? null : e.focusArea().value(),
                e.neighbourhood().value(), e.neighbourhood().gemeenteCode(), Phase.PREVENTION.name(), null,
                e.openedOn(), given, family, birthDate, bsnHash));
    }

    @EventHandler
    void on(TrajectoryTransferred e) {
        update(e.trajectoryId().value(), c -> c.withPlace(e.toFocusArea() == null ? null : e.toFocusArea().value(),
                e.toNeighbourhood().value(), e.toNeighbourhood().gemeenteCode()));
    }

    @EventHandler
    void on(CaseworkerAssigned e) {
        update(e.trajectoryId().value(), c -> c.withCaseworker(e.caseworker()));
    }

    @EventHandler
    void on(DetentionStarted e) {
        update(e.trajectoryId().value(), c -> c.withPhase(Phase.DETENTION.name()));
    }

    @EventHandler
    void on(DetentionEnded e) {
        update(e.trajectoryId().value(), c -> c.withPhase(Phase.AFTERCARE.name()));
    }

    @EventHandler
    void on(AftercareStarted e) {
        update(e.trajectoryId().value(), c -> c.withPhase(Phase.AFTERCARE.name()));
    }

    @EventHandler
    void on(TrajectoryClosed e) {
        update(e.trajectoryId().value(), c -> c.withPhase(Phase.CLOSED.name()));
    }

    /** An erased youth is never found again: everything indexed of them goes. */
    @EventHandler
    void on(YouthPersonalDataErased e) {
        written().values().removeIf(c -> c.youthId().equals(e.youthId().value()));
    }

    /** A rebuild starts from nothing: the index being written (during a rebuild the fresh one) is emptied. */
    @ResetHandler
    void reset() {
        written().clear();
    }

    @Override
    public boolean holds(String processor) {
        return NAME.equals(processor);
    }

    @Override
    public synchronized void begin(String processor, long target) {
        building = new ConcurrentHashMap<>();
        progress = new Progress(target, false);
    }

    @Override
    public synchronized void replaying(String processor) {
        if (progress != null) {
            progress = new Progress(progress.target(), true);
        }
    }

    @Override
    public Optional<Progress> inProgress(String processor) {
        return Optional.ofNullable(progress);
    }

    @Override
    public synchronized void switchOver(String processor) {
        if (building != null) {
            live = building;
            building = null;
            progress = null;
        }
    }

    private Map<String, IndexedCase> written() {
        Map<String, IndexedCase> fresh = building;
        return fresh != null ? fresh : live;
    }

    /**
     * The ids of the trajectories in scope that match, best match first (then the most recently opened). Callers
     * check {@link CaseIndexProgress#checkReady()} first: while the index is still being built it is incomplete.
     */
    public List<String> search(SearchQuery query, SearchScope scope) {
        String bsnHash = query.kind() == SearchQuery.Kind.BSN ? hasher.ofBsn(query.bsn()) : null;
        record Hit(IndexedCase found, int score) {
        }
        List<Hit> hits = new ArrayList<>();
        for (IndexedCase c : live.values()) {
            if (scope.includes(c)) {
                int score = Ranking.score(query, c, bsnHash);
                if (score > 0) {
                    hits.add(new Hit(c, score));
                }
            }
        }
        hits.sort(Comparator.comparingInt(Hit::score).reversed()
                .thenComparing(hit -> hit.found().openedOn(), Comparator.reverseOrder())
                .thenComparing(hit -> hit.found().trajectoryId()));
        return hits.stream().map(hit -> hit.found().trajectoryId()).toList();
    }

    /** How many trajectories the index holds (for progress and benchmarks; no personal data). */
    public int size() {
        return live.size();
    }

    private Optional<String> open(YouthId youth, EncryptedValue value) {
        return value == null ? Optional.empty() : cipher.open(youth, value);
    }

    private void update(String trajectoryId, UnaryOperator<IndexedCase> change) {
        written().computeIfPresent(trajectoryId, (id, c) -> change.apply(c));
    }
}
