package nl.koers.platform.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Documents inserted small and grown by updates, as a view's scope documents grow with every trajectory counted in
 * them. MVStore splits a page only when a key is inserted, so such documents stay in the page they were inserted
 * into; reading one decodes its whole page. The file keeps few documents to a page, so a read of one decodes a few,
 * not dozens of large ones.
 */
class GrowingDocumentsTest {
    private static final int DOCUMENTS = 60;
    private static final int ENTRIES = 20;

    @TempDir
    Path dir;

    @Test
    void documentsThatGrowByUpdatesShareTheirPageWithFewOthersAndReadBackWhole() {
        Path file = dir.resolve("mongo.mv");
        try (EmbeddedMongo mongo = EmbeddedMongo.fileBacked(file);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> scopes = client.getDatabase("koers").getCollection("scopes");
            scopes.insertMany(IntStream.range(0, DOCUMENTS).mapToObj(i -> new Document("_id", "wijk:" + i)).toList());
            for (int entry = 0; entry < ENTRIES; entry++) {
                for (int i = 0; i < DOCUMENTS; i++) {
                    scopes.updateOne(Filters.eq("_id", "wijk:" + i), Updates.set("trajectories.t-" + entry,
                            new Document("phase", "PREVENTIE").append("caseworker", "jeugdwerker-" + entry)));
                }
            }
            Document one = scopes.find(Filters.eq("_id", "wijk:17")).first();
            assertThat(one.get("trajectories", Document.class)).hasSize(ENTRIES);
        }

        MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open();
        try {
            MVMap<Object, de.bwaldvogel.mongo.bson.Document> map = store.openMap("databases.koers.scopes",
                    new MVMap.Builder<Object, de.bwaldvogel.mongo.bson.Document>().valueType(new DocumentDataType()));
            List<Integer> documentsPerPage = new ArrayList<>();
            leaves(map.getRootPage(), documentsPerPage);
            assertThat(documentsPerPage.stream().mapToInt(Integer::intValue).sum()).isEqualTo(DOCUMENTS);
            assertThat(documentsPerPage).as("documents per page").allSatisfy(count ->
                    assertThat(count).isLessThanOrEqualTo(8));
        } finally {
            store.close();
        }
    }

    private static void leaves(Page<Object, ?> page, List<Integer> documentsPerPage) {
        if (page.isLeaf()) {
            documentsPerPage.add(page.getKeyCount());
            return;
        }
        for (int i = 0; i < page.getRawChildPageCount(); i++) {
            leaves(page.getChildPage(i), documentsPerPage);
        }
    }
}
