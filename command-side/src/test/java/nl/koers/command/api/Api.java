package nl.koers.command.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Small helpers for the command API tests: requests as the demo users, and what the event store holds. */
final class Api {
    static final String PASSWORD = "koers-demo";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MockMvc mvc;
    private final DataSource dataSource;

    Api(MockMvc mvc, DataSource dataSource) {
        this.mvc = mvc;
        this.dataSource = dataSource;
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
    long storedEvents() throws SQLException {
        return count("SELECT COUNT(*) FROM DomainEventEntry");
    }

    long storedEvents(String trajectoryId) throws SQLException {
        return count("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = '"
                + UUID.fromString(trajectoryId) + "'");
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
