package nl.koers.command.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.koers.platform.testing.EventTable;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import javax.sql.DataSource;
import java.util.UUID;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Small helpers for the command API tests: requests as the demo users, and what the event store holds. */
final class Api {
    static final String PASSWORD = "koers-demo";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MockMvc mvc;
    private final EventTable events;

    Api(MockMvc mvc, DataSource dataSource) {
        this.mvc = mvc;
        this.events = new EventTable(dataSource);
    }

    /** What the event store holds. */
    EventTable events() {
        return events;
    }

    static MockHttpServletRequestBuilder postAs(String user, String path, String body) {
        return post(path).with(httpBasic(user, PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    static String openBody(String neighbourhood, String openedOn) {
        // A different family name each time: a new youth, so the one-open-trajectory rule does not interfere.
        return """
                {"neighbourhood": "%s", "openedOn": "%s",
                 "referral": {"source": "POLICE", "reason": "signalen vanuit de wijk"},
                 "youth": {"givenName": "Sam", "familyName": "Test-%s", "birthDate": "2010-05-01"}}
                """.formatted(neighbourhood, openedOn, UUID.randomUUID());
    }

    /** Opens a trajectory in Rotterdam-Zuid (FA03) as jeugdwerker; answers its id. */
    String open() throws Exception {
        MvcResult result = mvc.perform(postAs("jeugdwerker", "/api/trajectories", openBody("WK059910", "2025-09-01")))
                .andReturn();
        if (result.getResponse().getStatus() != 201) {
            throw new IllegalStateException("opening failed: " + result.getResponse().getContentAsString());
        }
        return json(result).get("trajectoryId").asText();
    }

    static JsonNode json(MvcResult result) throws Exception {
        return JSON.readTree(result.getResponse().getContentAsString());
    }

    /** Every event in the store, of every trajectory. */
    long storedEvents() {
        return events.count();
    }

    long storedEvents(String trajectoryId) {
        return events.of(trajectoryId).size();
    }
}
