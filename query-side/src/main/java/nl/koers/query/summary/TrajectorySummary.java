package nl.koers.query.summary;

import org.bson.Document;

/** A summary document as stored: personal fields still sealed (base64 ciphertext). */
record TrajectorySummary(String trajectoryId, String youthId, String sealedGivenName, String sealedFamilyName,
                         String sealedBirthDate, String neighbourhood, String focusArea, String gemeente,
                         String phase, String openedOn, String closedOn, String closureReason, String caseworker,
                         long version) {

    static TrajectorySummary from(Document doc) {
        Document youth = doc.get("youth", Document.class);
        return new TrajectorySummary(doc.getString("_id"), doc.getString("youthId"),
                youth.getString("givenName"), youth.getString("familyName"), youth.getString("birthDate"),
                doc.getString("neighbourhood"), doc.getString("focusArea"), doc.getString("gemeente"),
                doc.getString("phase"), doc.getString("openedOn"), doc.getString("closedOn"),
                doc.getString("closureReason"), doc.getString("caseworker"),
                doc.get("version", Number.class).longValue());
    }
}
