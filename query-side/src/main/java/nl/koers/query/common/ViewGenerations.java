package nl.koers.query.common;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which generation of its collections each MongoDB view reads and writes: the "live collections" document per view
 * ({@code view_live}: {@code _id} = processor, {@code live}, and during a rebuild {@code building}, {@code target},
 * {@code replaying}). Readers always use the live generation; the processor writes the generation being built when
 * there is one, else the live one. A rebuild ({@link RebuiltAside}) fills a fresh generation from the start of the
 * log and then switches the pointer in one write, so a reader sees either the complete old view or the complete new
 * one. Generation 0 is the collection's plain name (views built before generations existed stay where they are);
 * generation n is {@code <name>_g<n>}. Collections of generations no pointer names any more (left behind by a
 * switch or a crash) are dropped when their view is first used.
 * <p>
 * The pointer is read from MongoDB once, at start; on a deployment with several query-side replicas a rebuild is
 * run with the view's processor stopped elsewhere (see {@code operations/ViewRebuilds}), and the others pick the
 * switch up when they restart.
 */
@Component
public class ViewGenerations implements RebuiltAside {
    private static final Logger log = LoggerFactory.getLogger(ViewGenerations.class);
    static final String POINTERS = "view_live";
    private static final Duration DEFAULT_DROP_AFTER = Duration.ofSeconds(10);
    private final MongoDatabase database;
    private final MongoCollection<Document> pointers;
    private final Duration dropAfter;
    private final Map<String, Pointer> views = new ConcurrentHashMap<>();
    private final Map<String, List<GenerationalCollection>> collections = new ConcurrentHashMap<>();
    private final Map<String, MongoCollection<Document>> byName = new ConcurrentHashMap<>();
    private final ScheduledExecutorService dropper = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "view-generation-drop");
        thread.setDaemon(true);
        return thread;
    });

    /** Where a view is: the generation readers see, and the one being built ({@code null}: none). */
    record Pointer(int live, Integer building, long target, boolean replaying) {
        static final Pointer INITIAL = new Pointer(0, null, -1, false);

        int written() {
            return building != null ? building : live;
        }

        Document toDocument(String view) {
            Document document = new Document("_id", view).append("live", live);
            if (building != null) {
                document.append("building", building).append("target", target).append("replaying", replaying);
            }
            return document;
        }

        static Pointer from(Document document) {
            return new Pointer(document.getInteger("live", 0), document.getInteger("building"),
                    document.get("target", Number.class) == null ? -1 : document.get("target", Number.class).longValue(),
                    document.getBoolean("replaying", false));
        }
    }

    /** Outside Spring (tests, the auditor's replay): old generations are dropped at once. */
    public ViewGenerations(MongoDatabase database) {
        this(database, Duration.ZERO);
    }

    /**
     * {@code dropAfter}: how long the collections of a generation readers have left stay, for a read that picked
     * the old generation a moment before the switch.
     */
    @Autowired
    public ViewGenerations(@Qualifier("koers") MongoDatabase database,
                           @Value("${koers.query.rebuild.drop-old-after:PT10S}") Duration dropAfter) {
        this.database = database;
        this.pointers = database.getCollection(POINTERS);
        this.dropAfter = dropAfter;
        pointers.find().forEach(document -> views.put(document.getString("_id"), Pointer.from(document)));
    }

    /**
     * The collection {@code base} of a view, in whichever generation is in use; {@code prepare} creates its indexes
     * on each new generation (and on the ones in use now). One handle per collection: asking again returns it.
     */
    public GenerationalCollection collection(String view, String base, Consumer<MongoCollection<Document>> prepare) {
        List<GenerationalCollection> ofView = collections.computeIfAbsent(view, v -> new CopyOnWriteArrayList<>());
        synchronized (ofView) {
            for (GenerationalCollection known : ofView) {
                if (known.base.equals(base)) {
                    return known;
                }
            }
            GenerationalCollection created = new GenerationalCollection(view, base, prepare);
            Pointer pointer = pointer(view);
            prepare.accept(created.in(pointer.live));
            if (pointer.building != null) {
                prepare.accept(created.in(pointer.building));
            }
            dropUnused(created, pointer);
            ofView.add(created);
            return created;
        }
    }

    /** Without indexes of its own. */
    public GenerationalCollection collection(String view, String base) {
        return collection(view, base, collection -> {
        });
    }

    /** One collection of a view, in the generation readers see or the one the processor writes. */
    public final class GenerationalCollection {
        private final String view;
        private final String base;
        private final Consumer<MongoCollection<Document>> prepare;
        /**
         * The ids written to a generation this process created and has built since (during a rebuild): any other id
         * is not stored there, so the rebuild need not ask MongoDB for it. {@code null}: not known, ask.
         */
        private volatile FreshIds fresh;

        private GenerationalCollection(String view, String base, Consumer<MongoCollection<Document>> prepare) {
            this.view = view;
            this.base = base;
            this.prepare = prepare;
        }

        /** The complete view readers use (the live generation). */
        public MongoCollection<Document> forReading() {
            return in(pointer(view).live);
        }

        /** Where the view's processor writes: the generation being built during a rebuild, else the live one. */
        public MongoCollection<Document> forWriting() {
            return in(pointer(view).written());
        }

        /** Whether the processor is writing a generation readers do not see yet. */
        public boolean building() {
            return pointer(view).building != null;
        }

        /** Whether the generation being written may hold this document ({@code false}: it certainly does not). */
        public boolean mayHold(String id) {
            FreshIds known = fresh;
            return known == null || known.generation != pointer(view).written() || known.ids.contains(id);
        }

        /**
         * Whether this process knows every document of the generation being written ({@link #mayHold} is exact):
         * during a rebuild it started.
         */
        public boolean knowsItsDocuments() {
            FreshIds known = fresh;
            return known != null && known.generation == pointer(view).written();
        }

        /** Remembers that the generation being written holds this document (called before it is written). */
        public void wrote(String id) {
            FreshIds known = fresh;
            if (known != null && known.generation == pointer(view).written()) {
                known.ids.add(id);
            }
        }

        MongoCollection<Document> in(int generation) {
            return byName.computeIfAbsent(name(base, generation), database::getCollection);
        }
    }

    private record FreshIds(int generation, Set<String> ids) {
    }

    /** The collection readers of this view use now, as stored (for tools and tests that open the database). */
    public static String liveName(MongoDatabase database, String view, String base) {
        Document pointer = database.getCollection(POINTERS).find(Filters.eq("_id", view)).first();
        return name(base, pointer == null ? 0 : Pointer.from(pointer).live);
    }

    static String name(String base, int generation) {
        return generation == 0 ? base : base + "_g" + generation;
    }

    private Pointer pointer(String view) {
        return views.getOrDefault(view, Pointer.INITIAL);
    }

    private void save(String view, Pointer pointer) {
        pointers.replaceOne(Filters.eq("_id", view), pointer.toDocument(view), new ReplaceOptions().upsert(true));
        views.put(view, pointer);
    }

    @Override
    public boolean holds(String processor) {
        return collections.containsKey(processor);
    }

    @Override
    public synchronized void begin(String view, long target) {
        Pointer pointer = pointer(view);
        int fresh = Math.max(pointer.live, pointer.building == null ? 0 : pointer.building) + 1;
        for (GenerationalCollection collection : collections.getOrDefault(view, List.of())) {
            if (pointer.building != null) {
                dropIfPresent(collection.in(pointer.building));
            }
            MongoCollection<Document> next = collection.in(fresh);
            dropIfPresent(next);
            collection.prepare.accept(next);
            collection.fresh = new FreshIds(fresh, ConcurrentHashMap.newKeySet());
        }
        save(view, new Pointer(pointer.live, fresh, target, false));
        log.info("View {}: building generation {} beside live generation {}", view, fresh, pointer.live);
    }

    @Override
    public synchronized void replaying(String view) {
        Pointer pointer = pointer(view);
        if (pointer.building != null) {
            save(view, new Pointer(pointer.live, pointer.building, pointer.target, true));
        }
    }

    @Override
    public Optional<Progress> inProgress(String view) {
        Pointer pointer = pointer(view);
        return pointer.building == null ? Optional.empty()
                : Optional.of(new Progress(pointer.target, pointer.replaying));
    }

    @Override
    public synchronized void switchOver(String view) {
        Pointer pointer = pointer(view);
        if (pointer.building == null) {
            return;
        }
        int old = pointer.live;
        save(view, new Pointer(pointer.building, null, -1, false));
        log.info("View {}: readers switched to generation {}", view, pointer.building);
        // the ids of the new live generation are not tracked any further: live writes ask MongoDB as before
        collections.getOrDefault(view, List.of()).forEach(collection -> collection.fresh = null);
        List<MongoCollection<Document>> leaving = collections.getOrDefault(view, List.of()).stream()
                .map(collection -> collection.in(old)).toList();
        // the old generation may never have been written (a view that was empty until this rebuild)
        Runnable drop = () -> leaving.forEach(this::dropIfPresent);
        if (dropAfter.isZero()) {
            drop.run();
        } else {
            dropper.schedule(drop, dropAfter.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Drops a collection if it exists (the in-process server logs an error for dropping one that does not). */
    private void dropIfPresent(MongoCollection<Document> collection) {
        String name = collection.getNamespace().getCollectionName();
        if (database.listCollectionNames().into(new java.util.ArrayList<>()).contains(name)) {
            collection.drop();
        }
    }

    /** Drops generations of this collection that the pointer no longer names (left by a switch or a crash). */
    private void dropUnused(GenerationalCollection collection, Pointer pointer) {
        Set<Integer> inUse = new HashSet<>();
        inUse.add(pointer.live);
        if (pointer.building != null) {
            inUse.add(pointer.building);
        }
        Pattern generation = Pattern.compile(Pattern.quote(collection.base) + "(?:_g(\\d+))?");
        for (String name : database.listCollectionNames()) {
            Matcher matcher = generation.matcher(name);
            if (matcher.matches()) {
                int number = matcher.group(1) == null ? 0 : Integer.parseInt(matcher.group(1));
                if (!inUse.contains(number)) {
                    log.info("View {}: dropping {}, a generation no longer in use", collection.view, name);
                    database.getCollection(name).drop();
                }
            }
        }
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        dropper.shutdownNow();
    }
}
