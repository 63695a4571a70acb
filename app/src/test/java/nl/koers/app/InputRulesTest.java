package nl.koers.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.koers.platform.testing.TestStores;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Loose input is refused with a 400 problem document and stores nothing: a missing referral reason, control
 * characters, a number or a date-time where a date belongs, an id that is not a UUID, an out-of-range page, and a
 * path that cannot even be decoded (which Tomcat and Spring Security refuse before the application sees it).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SpringBootTest(classes = KoersApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class InputRulesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        TestStores.register(registry);
    }

    @LocalServerPort
    int port;
    KoersApi api;
    String trajectory;

    @BeforeAll
    void openOne() {
        api = new KoersApi("http://127.0.0.1:" + port);
        trajectory = api.open("jeugdwerker", "WK059910", "Invoer", "Demo-Streng", "2011-06-06")
                .body().get("trajectoryId").asText();
    }

    private static String opening(String openedOn, String referral, String givenName) {
        return """
                {"neighbourhood":"WK059912","openedOn":%s,"referral":%s,
                 "youth":{"givenName":"%s","familyName":"Demo-Streng","birthDate":"2012-03-03"}}"""
                .formatted(openedOn, referral, givenName);
    }

    @Test
    void theReferralReasonIsRequired() {
        var answer = api.post("jeugdwerker", "/api/trajectories",
                opening("\"2026-01-15\"", "{\"source\":\"SCHOOL\"}", "Zonder"));
        assertInvalid(answer, "referral.reason");
    }

    @Test
    void controlCharactersAreRefusedInEveryTextField() {
        assertInvalid(api.post("jeugdwerker", "/api/trajectories",
                opening("\"2026-01-15\"", "{\"source\":\"SCHOOL\",\"reason\":\"x\"}", "Be\\u0007l")), "youth.givenName");
        assertInvalid(api.post("jeugdwerker", "/api/trajectories/" + trajectory + "/contacts",
                "{\"kind\":\"TALK\",\"contactOn\":\"2026-01-20\",\"note\":\"nul\\u0000byte\"}"), "note");
        // a note may span lines
        assertThat(api.post("jeugdwerker", "/api/trajectories/" + trajectory + "/contacts",
                "{\"kind\":\"TALK\",\"contactOn\":\"2026-01-20\",\"note\":\"regel 1\\nregel 2\"}").status()).isEqualTo(201);
    }

    @Test
    void aNumberIsNotADate() {
        var answer = api.post("jeugdwerker", "/api/trajectories",
                opening("20260101", "{\"source\":\"SCHOOL\",\"reason\":\"x\"}", "Getal"));
        assertInvalid(answer, "openedOn");
        assertThat(answer.body().get("detail").asText()).contains("YYYY-MM-DD");
    }

    @Test
    void aDateTimeIsNotCutToADate() {
        var answer = api.post("jeugdwerker", "/api/trajectories/" + trajectory + "/contacts",
                "{\"kind\":\"TALK\",\"contactOn\":\"2026-01-20T10:00:00Z\"}");
        assertInvalid(answer, "contactOn");
        assertThat(answer.body().get("detail").asText()).contains("YYYY-MM-DD");
    }

    @Test
    void anIdThatIsNotAUuidIs400() {
        assertInvalid(api.post("jeugdwerker", "/api/trajectories/not-a-uuid/contacts",
                "{\"kind\":\"TALK\",\"contactOn\":\"2026-01-20\"}"), "id");
        assertInvalid(api.get("jeugdwerker", "/api/trajectories/not-a-uuid"), "id");
        assertInvalid(api.get("jeugdwerker", "/api/trajectories/not-a-uuid/history"), "id");
        assertInvalid(api.post("jeugdwerker", "/api/trajectories/" + trajectory + "/interventions/nope/complete",
                "{\"completedOn\":\"2026-01-20\"}"), "interventionId");
        assertInvalid(api.post("beheerder", "/api/youths/nope/erasure", "{\"reason\":\"x\"}"), "youthId");
    }

    @Test
    void aPageOutsideTheAcceptedRangeIs400() {
        var page = api.get("jeugdwerker", "/api/trajectories?focusArea=FA03&page=21474837&size=100");
        assertInvalid(page, "page");
        assertThat(page.body().toString()).contains("100000");
        assertInvalid(api.get("jeugdwerker", "/api/trajectories?focusArea=FA03&size=1000"), "size");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/trajectories/%zz", "//api/trajectories", "/api/trajectories/%C0%AE%C0%AE",
            "/api/trajectories/a%00b"})
    void aMalformedPathIsAProblemDocument(String path) throws IOException {
        String answer = raw(path);
        assertThat(answer).startsWith("HTTP/1.1 400");
        assertThat(answer.toLowerCase()).contains("content-type: application/problem+json");
        JsonNode problem = JSON.readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4));
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("title").asText()).isNotBlank();
    }

    private static void assertInvalid(KoersApi.Answer answer, String field) {
        assertThat(answer.status()).as("%s", answer.body()).isEqualTo(400);
        assertThat(answer.body().get("status").asInt()).isEqualTo(400);
        assertThat(answer.body().get("errors").findValuesAsText("field")).contains(field);
    }

    /** A request exactly as written, which no HTTP client library would send. */
    private String raw(String path) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Basic "
                    + Base64.getEncoder().encodeToString("jeugdwerker:koers-demo".getBytes(StandardCharsets.UTF_8))
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return dechunked(answer.toString(StandardCharsets.UTF_8));
        }
    }

    /** The answer with a chunked body joined into one. */
    private static String dechunked(String answer) {
        int split = answer.indexOf("\r\n\r\n");
        String head = answer.substring(0, split);
        String body = answer.substring(split + 4);
        if (!head.toLowerCase().contains("transfer-encoding: chunked")) {
            return answer;
        }
        StringBuilder joined = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = body.indexOf("\r\n", at);
            int size = Integer.parseInt(body.substring(at, lineEnd).trim(), 16);
            if (size == 0) {
                break;
            }
            joined.append(body, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
        return head + "\r\n\r\n" + joined;
    }
}
