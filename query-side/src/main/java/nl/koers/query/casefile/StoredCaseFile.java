package nl.koers.query.casefile;

import org.bson.Document;

import java.util.List;

/** A {@link CaseFile} as a MongoDB document and back; the stored form holds sealed values only. */
final class StoredCaseFile {
    private StoredCaseFile() {
    }

    static Document write(CaseFile file) {
        Document doc = new Document("trajectoryId", file.trajectoryId)
                .append("youthId", file.youthId)
                .append("youth", file.youth == null ? null : new Document(file.youth))
                .append("neighbourhood", file.neighbourhood)
                .append("focusArea", file.focusArea)
                .append("gemeente", file.gemeente)
                .append("phase", file.phase)
                .append("caseworker", file.caseworker)
                .append("closureReason", file.closureReason);
        file.writeDates(doc);
        List<Document> interventions = file.interventions.values().stream().map(InterventionFacts::toDocument)
                .toList();
        Document assessments = new Document();
        file.assessments.forEach((eventId, assessment) -> assessments.append(eventId, new Document(assessment)));
        return doc.append("detention", file.detention == null ? null : file.detention.toDocument())
                .append("releasedOn", file.releasedOn)
                .append("releaseEventId", file.releaseEventId)
                .append("releasedWithStp", file.releasedWithStp)
                .append("interventions", interventions)
                .append("assessments", assessments)
                .append("contacts", new Document(file.contacts));
    }

    static CaseFile read(Document doc) {
        CaseFile file = new CaseFile();
        if (doc == null) {
            return file;
        }
        file.trajectoryId = doc.getString("trajectoryId");
        file.youthId = doc.getString("youthId");
        Document youth = doc.get("youth", Document.class);
        file.youth = youth == null ? null : new Document(youth);
        file.neighbourhood = doc.getString("neighbourhood");
        file.focusArea = doc.getString("focusArea");
        file.gemeente = doc.getString("gemeente");
        file.phase = doc.getString("phase");
        file.caseworker = doc.getString("caseworker");
        file.closureReason = doc.getString("closureReason");
        file.readStoredDates(doc);
        file.detention = DetentionFacts.from(doc.get("detention", Document.class));
        file.releasedOn = doc.getString("releasedOn");
        file.releaseEventId = doc.getString("releaseEventId");
        file.releasedWithStp = Boolean.TRUE.equals(doc.getBoolean("releasedWithStp"));
        doc.getList("interventions", Document.class, List.of())
                .forEach(i -> file.interventions.put(i.getString("interventionId"), InterventionFacts.from(i)));
        Document assessments = doc.get("assessments", Document.class);
        if (assessments != null) {
            assessments.forEach((eventId, a) -> file.assessments.put(eventId, new Document((Document) a)));
        }
        Document contacts = doc.get("contacts", Document.class);
        if (contacts != null) {
            contacts.forEach((eventId, day) -> file.contacts.put(eventId, (String) day));
        }
        return file;
    }
}
