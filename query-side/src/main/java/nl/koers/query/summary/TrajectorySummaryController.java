package nl.koers.query.summary;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import nl.koers.events.common.EncryptedValue;
import nl.koers.events.common.YouthId;
import nl.koers.platform.crypto.PersonalDataCipher;
import nl.koers.platform.web.ApiProblem;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code GET /api/trajectories/{id}}: the summary, with personal fields opened for the reader. */
@RestController
@RequestMapping("/api/trajectories")
public class TrajectorySummaryController {
    private final MongoCollection<Document> summaries;
    private final PersonalDataCipher cipher;

    public TrajectorySummaryController(@Qualifier("koers") MongoDatabase database, PersonalDataCipher cipher) {
        this.summaries = database.getCollection(TrajectorySummaryProjection.COLLECTION);
        this.cipher = cipher;
    }

    @GetMapping("/{id}")
    public Map<String, Object> summary(@PathVariable String id) {
        Document doc = summaries.find(Filters.eq("_id", id)).first();
        if (doc == null) {
            throw ApiProblem.notFound("no trajectory with this id");
        }
        YouthId youthId = new YouthId(doc.getString("youthId"));
        Document sealed = doc.get("youth", Document.class);
        Map<String, Object> youth = new LinkedHashMap<>();
        boolean erased = cipher.erased(youthId);
        youth.put("givenName", erased ? null : open(youthId, sealed.getString("givenName")));
        youth.put("familyName", erased ? null : open(youthId, sealed.getString("familyName")));
        youth.put("birthDate", erased ? null : open(youthId, sealed.getString("birthDate")));
        youth.put("erased", erased);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("trajectoryId", doc.getString("_id"));
        body.put("youthId", youthId.value());
        body.put("youth", youth);
        body.put("neighbourhood", doc.getString("neighbourhood"));
        body.put("focusArea", doc.getString("focusArea"));
        body.put("phase", doc.getString("phase"));
        body.put("openedOn", doc.getString("openedOn"));
        body.put("caseworker", doc.getString("caseworker"));
        body.put("version", doc.get("version"));
        return body;
    }

    private String open(YouthId youth, String ciphertext) {
        return ciphertext == null ? null : cipher.open(youth, new EncryptedValue(ciphertext)).orElse(null);
    }
}
