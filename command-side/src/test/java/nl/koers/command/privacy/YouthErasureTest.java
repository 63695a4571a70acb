package nl.koers.command.privacy;

import com.mongodb.client.MongoDatabase;
import nl.koers.command.InMemoryMongo;
import nl.koers.command.Samples;
import nl.koers.command.youth.YouthRegistry;
import nl.koers.events.common.TrajectoryId;
import nl.koers.events.common.YouthId;
import nl.koers.events.privacy.YouthPersonalDataErased;
import nl.koers.platform.crypto.KeyMaterial;
import nl.koers.platform.crypto.MongoYouthKeyStore;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.crypto.spec.SecretKeySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

/** Erasure destroys the youth's key and makes the command side forget the youth's identity hash everywhere. */
class YouthErasureTest {
    @RegisterExtension
    static final InMemoryMongo mongo = new InMemoryMongo();
    private final EventGateway events = mock(EventGateway.class);
    private MongoDatabase database;
    private MongoYouthKeyStore keys;
    private YouthRegistry registry;
    private YouthErasure erasure;

    @BeforeEach
    void setUp() {
        database = mongo.freshDatabase("erasure");
        keys = new MongoYouthKeyStore(database, new KeyMaterial(new SecretKeySpec(new byte[32], "AES"), new byte[32]));
        registry = new YouthRegistry(database);
        erasure = new YouthErasure(database, keys, registry, events, Samples.CLOCK);
    }

    /** Every document of the registry's collections that mentions {@code text}, anywhere. */
    private List<String> registryDocumentsMentioning(String text) {
        List<String> found = new ArrayList<>();
        for (String name : database.listCollectionNames()) {
            if (name.startsWith("cmd_youth_registry")) {
                database.getCollection(name).find().forEach((Consumer<Document>) document -> {
                    if (document.toJson().contains(text)) {
                        found.add(name + " " + document.toJson());
                    }
                });
            }
        }
        return found;
    }

    @Test
    void anErasedYouthsIdentityHashIsInNoRegistryCollection() {
        String identity = "hash-of-" + UUID.randomUUID();
        TrajectoryId trajectory = TrajectoryId.newId();
        YouthId youth = registry.claim(identity, trajectory).youthId();
        keys.keyFor(youth);
        assertThat(registryDocumentsMentioning(identity)).as("known before the erasure").isNotEmpty();

        erasure.erase(youth, "verzoek tot verwijdering (AVG art. 17)", "beheerder");

        assertThat(registryDocumentsMentioning(identity)).isEmpty();
        assertThat(keys.existingKey(youth)).isEmpty();
        verify(events).publish(new YouthPersonalDataErased(youth, "verzoek tot verwijdering (AVG art. 17)",
                "beheerder"));
    }

    @Test
    void aReturningErasedYouthIsANewYouth() {
        String identity = "hash-of-" + UUID.randomUUID();
        YouthId youth = registry.claim(identity, TrajectoryId.newId()).youthId();
        keys.keyFor(youth);
        erasure.erase(youth, "verzoek tot verwijdering (AVG art. 17)", "beheerder");

        YouthRegistry.Claim again = registry.claim(identity, TrajectoryId.newId());
        assertThat(again.granted()).isTrue();
        assertThat(again.youthId()).isNotEqualTo(youth);
    }
}
