package nl.koers.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.koers.platform.testing.TestStores;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request body over 1 MB is refused with a 413 problem document before anything reads it into memory — with a
 * Content-Length and chunked alike, and also when it carries an Idempotency-Key (whose filter hashes the body).
 * A 300 MB body once ran the JVM out of memory.
 */
@SpringBootTest(classes = KoersApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BodySizeLimitTest {
    private static final int TWO_MB = 2 * 1024 * 1024;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        TestStores.register(registry);
    }

    @LocalServerPort
    int port;

    @Test
    void aChunkedBodyOverOneMegabyteIs413() throws Exception {
        HttpResponse<String> answer = post(HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(hugeOpening())));
        assertIsTooLarge(answer);
    }

    @Test
    void aBodyWithContentLengthOverOneMegabyteIs413() throws Exception {
        HttpResponse<String> answer = post(HttpRequest.BodyPublishers.ofByteArray(hugeOpening()));
        assertIsTooLarge(answer);
    }

    @Test
    void anOrdinaryBodyStillPasses() throws Exception {
        String body = """
                {"neighbourhood":"WK059915","openedOn":"2026-01-15","referral":{"source":"SCHOOL","reason":"verzuim"},
                 "youth":{"givenName":"Ilse","familyName":"Demo-Klein","birthDate":"2011-02-03"}}""";
        HttpResponse<String> answer = post(HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))));
        assertThat(answer.statusCode()).isEqualTo(201);
    }

    private static void assertIsTooLarge(HttpResponse<String> answer) throws Exception {
        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = new ObjectMapper().readTree(answer.body());
        assertThat(problem.get("status").asInt()).isEqualTo(413);
        assertThat(problem.get("detail").asText()).contains("1 MB");
    }

    private HttpResponse<String> post(HttpRequest.BodyPublisher body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/trajectories"))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("jeugdwerker:koers-demo".getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(60))
                .POST(body).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A well-formed opening whose referral reason alone is 2 MB. */
    private static byte[] hugeOpening() {
        char[] reason = new char[TWO_MB];
        Arrays.fill(reason, 'x');
        return ("{\"neighbourhood\":\"WK059915\",\"openedOn\":\"2026-01-15\",\"referral\":{\"source\":\"SCHOOL\","
                + "\"reason\":\"" + new String(reason) + "\"},\"youth\":{\"givenName\":\"Groot\","
                + "\"familyName\":\"Demo-Lijf\",\"birthDate\":\"2011-02-03\"}}").getBytes(StandardCharsets.UTF_8);
    }
}
