package nl.koers.query.summary;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads of the summary view: one by {@code _id}, or a page filtered along one of the declared indexes. */
@Component
public class SummaryQueries {
    private final MongoCollection<Document> summaries;

    public SummaryQueries(@Qualifier("koers") MongoDatabase database) {
        this.summaries = database.getCollection(SummaryView.COLLECTION);
    }

    /**
     * The filters of a list; {@code null} means "any". {@code areas} limits a youth worker's list to their focus
     * areas (empty: no limit).
     */
    record ListFilter(String neighbourhood, String focusArea, String gemeente, String phase, String caseworker,
                      Optional<Set<String>> areas) {
    }

    record Page(List<TrajectorySummary> items, int page, int size, long total) {
    }

    Optional<TrajectorySummary> find(String trajectoryId) {
        return Optional.ofNullable(summaries.find(Filters.eq("_id", trajectoryId)).first())
                .map(TrajectorySummary::from);
    }

    Page list(ListFilter filter, int page, int size) {
        Bson query = toQuery(filter);
        List<TrajectorySummary> items = new ArrayList<>();
        summaries.find(query)
                .sort(Sorts.orderBy(Sorts.descending("openedOn"), Sorts.ascending("_id")))
                .skip(page * size)
                .limit(size)
                .forEach(doc -> items.add(TrajectorySummary.from(doc)));
        long total = summaries.countDocuments(query);
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
