package nl.koers.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import nl.koers.platform.testing.TestStores;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guessing one user's password is throttled for that user name only: 15 clients sending bad passwords soon get
 * 429 with Retry-After, another user logs in as usual meanwhile, and the real user logs in once the wait is over.
 */
@SpringBootTest(classes = KoersApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LoginThrottleTest {
    private static final int CLIENTS = 15;
    private static final int TRIES_EACH = 4;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        TestStores.register(registry);
    }

    @LocalServerPort
    int port;

    @Test
    void aFailedLoginIsAProblemDocumentWithABasicChallenge() throws Exception {
        HttpResponse<String> answer = login("analist", "wrong");
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.headers().firstValue("WWW-Authenticate")).contains("Basic realm=\"Koers\"");
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(new ObjectMapper().readTree(answer.body()).get("status").asInt()).isEqualTo(401);
    }

    @Test
    void guessingOnePasswordIsThrottledForThatUserOnly() throws Exception {
        List<HttpResponse<String>> answers = new ArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<List<HttpResponse<String>>>> running = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                running.add(clients.submit(() -> {
                    List<HttpResponse<String>> mine = new ArrayList<>();
                    for (int i = 0; i < TRIES_EACH; i++) {
                        mine.add(login("jeugdwerker", "guess-" + client + "-" + i));
                    }
                    return mine;
                }));
            }
            HttpResponse<String> otherUser = login("liaison", "koers-demo");
            assertThat(otherUser.statusCode()).as("another user during the attack").isEqualTo(200);
            for (Future<List<HttpResponse<String>>> client : running) {
                answers.addAll(client.get());
            }
        } finally {
            clients.shutdownNow();
        }

        List<HttpResponse<String>> throttled = answers.stream().filter(a -> a.statusCode() == 429).toList();
        assertThat(throttled).as("throttled guesses").isNotEmpty();
        assertThat(answers).allSatisfy(a -> assertThat(a.statusCode()).isIn(401, 429));
        HttpResponse<String> one = throttled.get(0);
        long retryAfter = Long.parseLong(one.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 30L);
        assertThat(one.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(new ObjectMapper().readTree(one.body()).get("status").asInt()).isEqualTo(429);
        assertThat(login("liaison", "koers-demo").statusCode()).as("another user after the attack").isEqualTo(200);

        HttpResponse<String> now = login("jeugdwerker", "koers-demo");
        if (now.statusCode() == 429) {
            Thread.sleep(Long.parseLong(now.headers().firstValue("Retry-After").orElseThrow()) * 1000 + 200);
            now = login("jeugdwerker", "koers-demo");
        }
        assertThat(now.statusCode()).as("the real user after the wait").isEqualTo(200);
    }

    private HttpResponse<String> login(String user, String password) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/reference/focus-areas"))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(60)).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
