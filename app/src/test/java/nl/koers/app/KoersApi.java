package nl.koers.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.function.Predicate;

/**
 * Koers over real HTTP for the tests of this module: a youth worker's first steps (open a trajectory, read it
 * back through the query side) and plain requests as any role.
 */
final class KoersApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    KoersApi(String base) {
        this.base = base;
    }

    record Answer(int status, JsonNode body, String location) {
    }

    Answer open(String user, String neighbourhood, String givenName, String familyName, String birthDate) {
        String body = """
                {"neighbourhood":"%s","openedOn":"2026-01-15",
                 "referral":{"source":"SCHOOL","reason":"verzuim en signalen van de wijkagent"},
                 "youth":{"givenName":"%s","familyName":"%s","birthDate":"%s"}}
                """.formatted(neighbourhood, givenName, familyName, birthDate);
        return send(user, HttpRequest.newBuilder(URI.create(base + "/api/trajectories"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Answer post(String user, String path, String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(user, request);
    }

    Answer get(String user, String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(user, request);
    }

    /** Reads a trajectory once the query side has projected it (eventual consistency), at most 10 s. */
    Answer awaitTrajectory(String user, String id) throws InterruptedException {
        return poll(user, "/api/trajectories/" + id, answer -> answer.status() != 404);
    }

    /**
     * Reads a trajectory once its summary includes {@code version} (the version a command answered with), as a
     * client reads its own writes: {@code ?minVersion}, polled while the summary does not exist yet.
     */
    Answer awaitTrajectory(String user, String id, long version) throws InterruptedException {
        return poll(user, "/api/trajectories/" + id + "?minVersion=" + version,
                answer -> answer.status() == 200 && answer.body().get("version").asLong() >= version);
    }

    /** Reads until the answer's body contains {@code expected} (projections are eventually consistent), at most 10 s. */
    Answer awaitContaining(String user, String path, String expected) throws InterruptedException {
        return poll(user, path, answer -> answer.body() != null && answer.body().toString().contains(expected));
    }

    private Answer poll(String user, String path, Predicate<Answer> done) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        Answer answer = get(user, path);
        while (!done.test(answer) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            answer = get(user, path);
        }
        return answer;
    }

    Answer send(String user, HttpRequest.Builder request) {
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":koers-demo").getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isEmpty() ? null : JSON.readTree(response.body());
            return new Answer(response.statusCode(), body, response.headers().firstValue("Location").orElse(null));
        } catch (IOException e) {
            throw new IllegalStateException("request failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
