package nl.koers.app;

import com.fasterxml.jackson.databind.JsonNode;
import nl.koers.platform.testing.TestStores;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * {@code docs/api.md} is the project's HTTP contract; its endpoints table must list exactly the operations the
 * embedded default serves, as its own OpenAPI description ({@code /v3/api-docs}) names them. A new endpoint
 * without a row, or a row for an endpoint that is gone or not built yet, fails the build.
 */
@SpringBootTest(classes = KoersApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiDocumentTest {
    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head",
            "options", "trace");

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        TestStores.register(registry);
    }

    @LocalServerPort
    int port;

    @Test
    void theEndpointsTableListsExactlyTheOperationsKoersServes() throws IOException {
        var docs = new KoersApi("http://127.0.0.1:" + port).get(null, "/v3/api-docs");
        assertThat(docs.status()).as("GET /v3/api-docs without credentials").isEqualTo(200);
        Set<String> served = operations(docs.body());
        List<String> rows = EndpointTable.rows(Files.readString(apiDocument()));

        Set<String> documented = new TreeSet<>(rows);
        Set<String> undocumented = new TreeSet<>(served);
        undocumented.removeAll(documented);
        Set<String> notServed = new TreeSet<>(documented);
        notServed.removeAll(served);
        if (!undocumented.isEmpty() || !notServed.isEmpty() || documented.size() != rows.size()) {
            fail("docs/api.md and /v3/api-docs disagree."
                    + "\n  Served but missing from the endpoints table: " + undocumented
                    + "\n  In the endpoints table but not served (build it, or move it to \"Planned\"): " + notServed
                    + (documented.size() != rows.size() ? "\n  Rows listed twice: " + duplicates(rows) : ""));
        }
    }

    /** Every operation of the OpenAPI description as {@code "METHOD /path/{variable}"}. */
    private static Set<String> operations(JsonNode openApi) {
        Set<String> operations = new TreeSet<>();
        openApi.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(key -> {
            if (HTTP_METHODS.contains(key)) {
                operations.add(key.toUpperCase() + " " + path.getKey());
            }
        }));
        assertThat(operations).as("operations in /v3/api-docs").isNotEmpty();
        return operations;
    }

    private static Set<String> duplicates(List<String> rows) {
        Set<String> seen = new TreeSet<>();
        Set<String> twice = new TreeSet<>();
        rows.forEach(row -> {
            if (!seen.add(row)) {
                twice.add(row);
            }
        });
        return twice;
    }

    /** The tests run in the module's folder; the document sits at the top of the repository. */
    private static Path apiDocument() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("docs").resolve("api.md");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("docs/api.md not found above " + Path.of("").toAbsolutePath());
    }
}
