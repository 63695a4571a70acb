package nl.koers.query.summary;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import nl.koers.query.common.VersionWait;
import nl.koers.query.common.ViewGenerations;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads of the summary view: one by {@code _id} (waiting for a version when asked), several by {@code _id}, or a
 * page filtered along one of the declared indexes. Documents are case files ({@code casefile/CaseFile}), sealed.
 */
@Component
public class SummaryQueries {
    private final ViewGenerations.GenerationalCollection summaries;

    public SummaryQueries(ViewGenerations generations) {
        this.summaries = SummaryView.summaries(generations);
    }

    /**
     * The filters of a list; {@code null} means "any". {@code areas} limits a youth worker's list to their focus
     * areas (empty: no limit).
     */
    record ListFilter(String neighbourhood, String focusArea, String gemeente, String phase, String caseworker,
                      Optional<Set<String>> areas) {
    }

    record Page(List<Document> items, int page, int size, long total) {
    }

    Optional<VersionWait.Found> find(String trajectoryId, Long minVersion) {
        return VersionWait.find(summaries.forReading(), trajectoryId, minVersion, VersionWait.MAX_WAIT);
    }

    /** The documents of these trajectories, by id (absent ones left out). */
    Map<String, Document> findAll(Collection<String> trajectoryIds) {
        Map<String, Document> found = new HashMap<>();
        if (!trajectoryIds.isEmpty()) {
            summaries.forReading().find(Filters.in("_id", List.copyOf(trajectoryIds)))
                    .forEach(doc -> found.put(doc.getString("_id"), doc));
        }
        return found;
    }

    Page list(ListFilter filter, int page, int size) {
        Bson query = toQuery(filter);
        List<Document> items = new ArrayList<>();
        summaries.forReading().find(query)
                .sort(Sorts.orderBy(Sorts.descending("openedOn"), Sorts.ascending("_id")))
                .skip(page * size)
                .limit(size)
                .forEach(items::add);
        long total = summaries.forReading().countDocuments(query);
        return new Page(items, page, size, total);
    }

    static Bson toQuery(ListFilter filter) {
        List<Bson> conditions = new ArrayList<>();
        if (filter.focusArea() != null) {
            conditions.add(Filters.eq("focusArea", filter.focusArea()));
        }
        if (filter.neighbourhood() != null) {
            conditions.add(Filters.eq("neighbourhood", filter.neighbourhood()));
        }
        if (filter.gemeente() != null) {
            conditions.add(Filters.eq("gemeente", filter.gemeente()));
        }
        if (filter.caseworker() != null) {
            conditions.add(Filters.eq("caseworker", filter.caseworker()));
        }
        if (filter.phase() != null) {
            conditions.add(Filters.eq("phase", filter.phase()));
        }
        filter.areas().ifPresent(areas -> conditions.add(Filters.in("focusArea", areas)));
        return conditions.isEmpty() ? Filters.empty() : Filters.and(conditions);
    }
}
