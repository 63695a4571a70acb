package nl.koers.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import nl.koers.app.bench.BearerTokens;
import nl.koers.platform.security.Role;
import nl.koers.platform.security.UserDirectory;
import nl.koers.platform.testing.TestStores;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production login: without demo users Koers takes bearer tokens from the OIDC provider (here a key made
 * for the test), maps their claims to a role and areas, and knows the users who presented one. Passwords and
 * forged tokens get the same 401 problem document as no credentials.
 */
@SpringBootTest(classes = KoersApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "koers.demo-users=false")
class BearerTokenLoginTest {
    private static final BearerTokens ISSUER = new BearerTokens();
    private static final String OPEN = """
            {"neighbourhood":"WK059910","openedOn":"2026-01-15","referral":{"source":"SCHOOL","reason":"verzuim"},
             "youth":{"givenName":"Token","familyName":"Demo-Login","birthDate":"2011-04-04"}}""";

    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) throws IOException {
        TestStores.register(registry);
        String location = ISSUER.writePublicKey(Files.createTempDirectory("koers-token-issuer"));
        registry.add(BearerTokens.PUBLIC_KEY_PROPERTY, () -> location);
    }

    @LocalServerPort
    int port;
    @Autowired
    UserDirectory users;

    private HttpResponse<String> open(String authorization) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/trajectories"))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(OPEN)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aYouthWorkersTokenRecordsInTheirAreaAndMakesThemKnown() throws Exception {
        assertThat(users.exists("f.worker")).isFalse();
        String token = ISSUER.token("f.worker", "YOUTH_WORKER", List.of("FA03"), Duration.ofMinutes(10));

        HttpResponse<String> opened = open("Bearer " + token);

        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        assertThat(users.find("f.worker")).get().extracting(user -> user.role()).isEqualTo(Role.YOUTH_WORKER);
        String other = ISSUER.token("g.worker", "YOUTH_WORKER", List.of("FA01"), Duration.ofMinutes(10));
        assertThat(open("Bearer " + other).statusCode()).as("FA03 is not their area").isEqualTo(403);
    }

    @Test
    void passwordsAndForgedTokensAre401ProblemDocuments() throws Exception {
        String forged = new BearerTokens().token("f.worker", "YOUTH_WORKER", List.of("FA03"), Duration.ofMinutes(10));
        String basic = "Basic " + Base64.getEncoder().encodeToString("jeugdwerker:koers-demo"
                .getBytes(StandardCharsets.UTF_8));
        for (String authorization : List.of("Bearer " + forged, basic, "Bearer not-a-token")) {
            HttpResponse<String> refused = open(authorization);
            assertThat(refused.statusCode()).as(authorization).isEqualTo(401);
            assertThat(refused.headers().firstValue("Content-Type")).get().asString().contains("problem+json");
            assertThat(new ObjectMapper().readTree(refused.body()).get("status").asInt()).isEqualTo(401);
        }
        assertThat(users.exists("jeugdwerker")).as("no demo users in production").isFalse();
    }
}
