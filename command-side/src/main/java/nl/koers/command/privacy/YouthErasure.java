package nl.koers.command.privacy;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import nl.koers.command.youth.YouthRegistry;
import nl.koers.events.common.YouthId;
import nl.koers.events.privacy.YouthPersonalDataErased;
import nl.koers.platform.crypto.YouthKeyStore;
import nl.koers.platform.web.ApiProblem;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;

/**
 * Erases a youth's personal data by destroying their key (crypto-shredding): every sealed value in every event,
 * view, dead letter and backup becomes unreadable, while the event log stays replayable. The steps are
 * recorded first as pending, so a crash half-way is completed by repeating the request:
 * pending → key destroyed and the youth forgotten by the registry → {@link YouthPersonalDataErased} published →
 * done.
 */
@Service
public class YouthErasure {
    private static final Logger log = LoggerFactory.getLogger(YouthErasure.class);
    private final MongoCollection<Document> erasures;
    private final YouthKeyStore keys;
    private final YouthRegistry registry;
    private final EventGateway events;
    private final Clock clock;

    public YouthErasure(@Qualifier("koers") MongoDatabase database, YouthKeyStore keys, YouthRegistry registry,
                        EventGateway events, Clock clock) {
        this.erasures = database.getCollection("cmd_erasures");
        this.keys = keys;
        this.registry = registry;
        this.events = events;
        this.clock = clock;
    }

    public record Erasure(String youthId, Instant erasedAt, String erasedBy, String reason, boolean alreadyErased) {
    }

    public Erasure erase(YouthId youth, String reason, String erasedBy) {
        Document record = erasures.find(Filters.eq("_id", youth.value())).first();
        if (record != null && "DONE".equals(record.getString("status"))) {
            return toErasure(record, true);
        }
        if (record == null) {
            if (keys.existingKey(youth).isEmpty()) {
                throw ApiProblem.notFound("no youth with this id");
            }
            record = new Document("_id", youth.value()).append("status", "PENDING")
                    .append("erasedAt", Date.from(clock.instant())).append("erasedBy", erasedBy)
                    .append("reason", reason);
            erasures.insertOne(record);
        }
        keys.destroy(youth);
        registry.forget(youth);
        events.publish(new YouthPersonalDataErased(youth, record.getString("reason"), record.getString("erasedBy")));
        erasures.updateOne(Filters.eq("_id", youth.value()), Updates.set("status", "DONE"));
        log.info("Erased the personal data of youth {} (key destroyed)", youth.value());
        return toErasure(record, false);
    }

    private static Erasure toErasure(Document record, boolean already) {
        return new Erasure(record.getString("_id"), record.getDate("erasedAt").toInstant(),
                record.getString("erasedBy"), record.getString("reason"), already);
    }
}
