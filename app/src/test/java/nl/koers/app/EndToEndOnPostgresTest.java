package nl.koers.app;

import nl.koers.platform.testing.TestStores;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The same walking skeleton with PostgreSQL as the event store, chosen by the JDBC URL alone. Runs wherever a
 * PostgreSQL is reachable (CI starts one); skipped on a machine without.
 */
@EnabledIf("nl.koers.platform.testing.TestStores#postgresReachable")
@SpringBootTest(classes = KoersApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EndToEndOnPostgresTest extends EndToEndTestBase {

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        TestStores.register(registry);
        String url = TestStores.freshPostgresSchema();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> TestStores.POSTGRES_USER);
    }
}
