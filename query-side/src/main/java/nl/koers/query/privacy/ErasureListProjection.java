package nl.koers.query.privacy;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import nl.koers.events.privacy.YouthPersonalDataErased;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import nl.koers.query.common.ViewGenerations;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;

/**
 * The proof-of-destruction list: one document per erased youth ({@code _id} = youthId, so redelivery rewrites
 * the same document), built from {@link YouthPersonalDataErased} events.
 */
@Component
@ProcessingGroup(ErasureListView.NAME)
public class ErasureListProjection {
    private final ViewGenerations.GenerationalCollection erasures;

    public ErasureListProjection(ViewGenerations generations) {
        this.erasures = ErasureListView.erasures(generations);
    }

    public record ErasureRecord(String youthId, Instant erasedAt, String erasedBy, String reason) {
    }

    /** A rebuild starts from nothing (in the fresh generation; readers keep the live one). */
    @ResetHandler
    void reset() {
        erasures.forWriting().deleteMany(Filters.empty());
    }

    @EventHandler
    void on(YouthPersonalDataErased event, @Timestamp Instant at) {
        erasures.forWriting().replaceOne(Filters.eq("_id", event.youthId().value()),
                new Document("_id", event.youthId().value()).append("erasedAt", Date.from(at))
                        .append("erasedBy", event.erasedBy()).append("reason", event.reason()),
                new ReplaceOptions().upsert(true));
    }

    public List<ErasureRecord> all() {
        List<ErasureRecord> list = new ArrayList<>();
        erasures.forReading().find().sort(Sorts.ascending("erasedAt")).forEach((Consumer<Document>) d -> list.add(
                new ErasureRecord(d.getString("_id"), d.getDate("erasedAt").toInstant(), d.getString("erasedBy"),
                        d.getString("reason"))));
        return list;
    }
}
