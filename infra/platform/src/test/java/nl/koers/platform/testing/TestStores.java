package nl.koers.platform.testing;

import org.springframework.test.context.DynamicPropertyRegistry;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Stores for Spring tests, isolated per test class: an in-memory H2 event store and the in-process MongoDB
 * server, or a real MongoDB when {@code KOERS_TEST_MONGO_URI} is set (each test class then gets its own
 * database). PostgreSQL is used where a test asks for it and it is reachable.
 */
public final class TestStores {
    public static final String POSTGRES_URL = System.getenv().getOrDefault("KOERS_TEST_POSTGRES_URL",
            "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String POSTGRES_USER = System.getenv().getOrDefault("KOERS_TEST_POSTGRES_USER", "postgres");

    private TestStores() {
    }

    /** H2 in memory for events, MongoDB in memory (or KOERS_TEST_MONGO_URI). */
    public static void register(DynamicPropertyRegistry registry) {
        String name = "koers_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        registerMongo(registry, name);
        registry.add("koers.demo-data", () -> "false");
        registry.add("koers.crypto.master-key", () -> "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
        registry.add("koers.crypto.identity-key", () -> "c2VjcmV0LWlkZW50aXR5LWtleS1mb3ItdGVzdHM=");
    }

    private static void registerMongo(DynamicPropertyRegistry registry, String databaseName) {
        String external = System.getenv("KOERS_TEST_MONGO_URI");
        if (external != null && !external.isBlank()) {
            registry.add("koers.mongo.uri", () -> external);
        } else {
            registry.add("koers.mongo.in-memory", () -> "true");
        }
        registry.add("koers.mongo.database", () -> databaseName);
    }

    public static boolean postgresReachable() {
        try (Connection ignored = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, "")) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** A fresh schema on the test PostgreSQL, so test runs never see each other's events. */
    public static String freshPostgresSchema() {
        String schema = "koers_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test schema on " + POSTGRES_URL, e);
        }
        return POSTGRES_URL + "?currentSchema=" + schema;
    }
}
