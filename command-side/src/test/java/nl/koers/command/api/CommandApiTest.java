package nl.koers.command.api;

import com.fasterxml.jackson.databind.JsonNode;
import nl.koers.command.CommandSideTestApplication;
import nl.koers.events.common.YouthId;
import nl.koers.platform.crypto.YouthKeyStore;
import nl.koers.platform.testing.EventTable;
import nl.koers.platform.testing.TestStores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.ResultActions;

import javax.sql.DataSource;
import java.util.List;
import java.util.UUID;

import static nl.koers.command.api.Api.json;
import static nl.koers.command.api.Api.openBody;
import static nl.koers.command.api.Api.postAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The command API of api.md over HTTP: the happy path through every phase, and every error case with its status,
 * each checked to have stored nothing. "Today" is {@code 2026-03-15}; trajectories open on {@code 2025-09-01}.
 */
@SpringBootTest(classes = CommandSideTestApplication.class)
@AutoConfigureMockMvc
class CommandApiTest {
    private static final String WORKER = "jeugdwerker";
    private static final String NOTE = "Gesprek over school en vrienden";

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        TestStores.register(registry);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    DataSource dataSource;
    @Autowired
    YouthKeyStore keys;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(mvc, dataSource);
    }

    private static String path(String trajectory, String rest) {
        return "/api/trajectories/" + trajectory + rest;
    }

    private long version(String trajectory, String rest, String body) throws Exception {
        MvcResult result = mvc.perform(postAs(WORKER, path(trajectory, rest), body))
                .andExpect(status().isCreated()).andReturn();
        long version = json(result).get("version").asLong();
        assertThat(result.getResponse().getHeader("ETag")).isEqualTo("\"" + version + "\"");
        return version;
    }

    /** The request is refused with {@code status} as problem details, and the event store is unchanged. */
    private ResultActions refused(RequestBuilder request, int status) throws Exception {
        long before = api.storedEvents();
        ResultActions result = mvc.perform(request).andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.parseMediaType("application/problem+json")))
                .andExpect(jsonPath("$.status").value(status));
        assertThat(api.storedEvents()).as("events stored by a refused request").isEqualTo(before);
        return result;
    }

    /** The types of the trajectory's stored events, each checked to hold no free text in clear. */
    private List<String> storedTypes(String trajectory) {
        List<EventTable.StoredEvent> stored = api.events().of(trajectory);
        assertThat(stored).allSatisfy(event -> assertThat(event.payload())
                .doesNotContain("Gesprek over school", "signalen vanuit"));
        return stored.stream().map(EventTable.StoredEvent::simpleType).toList();
    }

    @Test
    void aTrajectoryGoesFromOpeningThroughDetentionAndAftercareToClosing() throws Exception {
        String id = api.open();
        assertThat(version(id, "/caseworker", """
                {"caseworker": "jeugdwerker-ams", "assignedOn": "2025-09-02"}""")).isEqualTo(2);
        assertThat(version(id, "/assessments", """
                {"assessedOn": "2025-09-10", "domains": {"SCHOOL": "HIGH", "PEERS": "MEDIUM"}, "overall": "HIGH"}"""))
                .isEqualTo(3);
        assertThat(version(id, "/contacts", """
                {"kind": "HOME_VISIT", "contactOn": "2025-09-15", "note": "%s"}""".formatted(NOTE))).isEqualTo(4);
        MvcResult intervention = mvc.perform(postAs(WORKER, path(id, "/interventions"), """
                        {"type": "HALT_AFDOENING", "startedOn": "2025-09-20", "endedOn": "2025-10-20", "note": "%s"}"""
                        .formatted(NOTE)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.interventionId").isString())
                .andExpect(jsonPath("$.version").value(6)).andReturn();
        assertThat(UUID.fromString(json(intervention).get("interventionId").asText())).isNotNull();
        assertThat(version(id, "/police-contacts", """
                {"kind": "ARREST", "on": "2025-10-30"}""")).isEqualTo(7);
        assertThat(version(id, "/detentions", """
                {"type": "PRE_TRIAL", "facility": "JJI Den Hey-Acker", "startedOn": "2025-11-01"}""")).isEqualTo(8);
        assertThat(version(id, "/detentions/current/network-meeting", """
                {"heldOn": "2025-11-05"}""")).isEqualTo(9);
        assertThat(version(id, "/detentions/current/perspectiefplan", """
                {"setOn": "2025-11-20", "summary": "%s"}""".formatted(NOTE))).isEqualTo(10);
        assertThat(version(id, "/detentions/current/trajectory-meeting", """
                {"heldOn": "2025-11-20"}""")).isEqualTo(11);
        assertThat(version(id, "/detentions/current/stp", """
                {"startedOn": "2026-01-05"}""")).isEqualTo(12);
        assertThat(version(id, "/detentions/current/end", """
                {"endedOn": "2026-02-01", "reason": "SENTENCE_SERVED"}""")).isEqualTo(14);
        for (String condition : List.of("ID", "HOUSING", "INCOME", "DEBTS", "CARE", "DAYTIME_ACTIVITY")) {
            version(id, "/basic-conditions", """
                    {"condition": "%s", "status": "MET", "assessedOn": "2026-02-10"}""".formatted(condition));
        }
        assertThat(version(id, "/outcomes", """
                {"kind": "SCHOOL_ENROLMENT", "achievedOn": "2026-02-15"}""")).isEqualTo(21);
        assertThat(version(id, "/transfer", """
                {"neighbourhood": "WK059912", "transferredOn": "2026-02-20"}""")).isEqualTo(22);
        assertThat(version(id, "/close", """
                {"closedOn": "2026-03-01", "reason": "GOALS_REACHED"}""")).isEqualTo(23);
        assertThat(version(id, "/police-contacts", """
                {"kind": "SUSPECT", "on": "2026-03-10"}""")).as("follow-up after close").isEqualTo(24);
        assertThat(version(id, "/outcomes", """
                {"kind": "WORK", "achievedOn": "2026-03-12"}""")).as("follow-up after close").isEqualTo(25);

        assertThat(storedTypes(id)).containsExactly("TrajectoryOpened", "CaseworkerAssigned", "CaseworkerAssigned",
                "RiskAssessmentRecorded", "ContactRecorded", "InterventionStarted", "InterventionCompleted",
                "PoliceContactRecorded", "DetentionStarted", "NetworkMeetingHeld", "PerspectiefplanSet",
                "TrajectoryMeetingHeld", "StpStarted", "DetentionEnded", "AftercareStarted",
                "BasicConditionAssessed", "BasicConditionAssessed", "BasicConditionAssessed",
                "BasicConditionAssessed", "BasicConditionAssessed", "BasicConditionAssessed", "OutcomeRecorded",
                "TrajectoryTransferred", "TrajectoryClosed", "PoliceContactRecorded", "OutcomeRecorded");
    }

    @Test
    void theOpenerBecomesTheCaseworkerUnlessTheRequestNamesAKnownYouthWorker() throws Exception {
        String byOpener = api.open();
        List<EventTable.StoredEvent> opened = api.events().of(byOpener);
        assertThat(opened).extracting(EventTable.StoredEvent::simpleType)
                .containsExactly("TrajectoryOpened", "CaseworkerAssigned");
        assertThat(opened.get(1).payload()).contains("\"caseworker\":\"jeugdwerker\"");

        MvcResult named = mvc.perform(postAs(WORKER, "/api/trajectories", withCaseworker("jeugdwerker-ams")))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.version").value(1)).andReturn();
        assertThat(api.events().of(json(named).get("trajectoryId").asText()).get(1).payload())
                .contains("\"caseworker\":\"jeugdwerker-ams\"");

        refused(postAs(WORKER, "/api/trajectories", withCaseworker("jeugdwerkr")), 400)
                .andExpect(jsonPath("$.errors[0].field").value("caseworker"));
        refused(postAs(WORKER, "/api/trajectories", withCaseworker("liaison")), 400)
                .andExpect(jsonPath("$.errors[0].message").value("is not a youth worker"));
    }

    @Test
    void aCaseworkerMustBeAKnownYouthWorkerAndAWrongOneIsCorrectedByAssigningAgain() throws Exception {
        String id = api.open();
        refused(postAs(WORKER, path(id, "/caseworker"), """
                {"caseworker": "straatcoach-zuid", "assignedOn": "2025-09-02"}"""), 400)
                .andExpect(jsonPath("$.errors[0].field").value("caseworker"));
        assertThat(version(id, "/caseworker", """
                {"caseworker": "jeugdwerker-ams", "assignedOn": "2025-09-02"}""")).isEqualTo(2);
        assertThat(version(id, "/caseworker", """
                {"caseworker": "jeugdwerker", "assignedOn": "2025-09-03"}""")).isEqualTo(3);
    }

    @Test
    void aQueryParameterNoCommandTakesIsRefusedAndRecordsNothing() throws Exception {
        refused(postAs(WORKER, "/api/trajectories?dryRun=true", openBody("WK059910", "2025-09-01")), 400)
                .andExpect(jsonPath("$.errors[0].field").value("dryRun"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(
                        "this endpoint takes no query parameters")));
    }

    private static String withCaseworker(String caseworker) {
        String body = openBody("WK059910", "2025-09-01").strip();
        return body.substring(0, body.length() - 1) + ", \"caseworker\": \"" + caseworker + "\"}";
    }

    @Test
    void aYouthReEntersDetentionFromAftercare() throws Exception {
        String id = api.open();
        version(id, "/detentions", """
                {"type": "YOUTH_DETENTION", "facility": "JJI Teylingereind", "startedOn": "2025-09-01"}""");
        version(id, "/detentions/current/end", """
                {"endedOn": "2025-12-01", "reason": "SUSPENDED"}""");
        assertThat(version(id, "/detentions", """
                {"type": "PIJ", "facility": "JJI Teylingereind", "startedOn": "2026-01-15"}""")).isEqualTo(5);
    }

    @Test
    void anInterventionIsPlannedStartedAndCompletedOnce() throws Exception {
        String id = api.open();
        MvcResult planned = mvc.perform(postAs(WORKER, path(id, "/interventions/planned"), """
                        {"type": "DEBT_HELP", "plannedOn": "2025-10-01"}"""))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.version").value(2)).andReturn();
        String intervention = json(planned).get("interventionId").asText();
        version(id, "/interventions/" + intervention + "/start", """
                {"startedOn": "2025-10-15", "note": "%s"}""".formatted(NOTE));
        version(id, "/interventions/" + intervention + "/complete", """
                {"completedOn": "2026-01-15"}""");
        refused(postAs(WORKER, path(id, "/interventions/" + intervention + "/complete"), """
                {"completedOn": "2026-01-16"}"""), 409);
        refused(postAs(WORKER, path(id, "/interventions/" + intervention + "/stop"), """
                {"stoppedOn": "2026-01-16", "reason": "REFUSED"}"""), 409);
        refused(postAs(WORKER, path(id, "/interventions/" + UUID.randomUUID() + "/complete"), """
                {"completedOn": "2026-01-16"}"""), 404);
        refused(postAs(WORKER, path(id, "/interventions/not-an-id/start"), """
                {"startedOn": "2026-01-16"}"""), 400);

        MvcResult second = mvc.perform(postAs(WORKER, path(id, "/interventions/planned"), """
                        {"type": "WORK_TRAJECTORY", "plannedOn": "2026-02-01"}""")).andReturn();
        String stopped = json(second).get("interventionId").asText();
        version(id, "/interventions/" + stopped + "/stop", """
                {"stoppedOn": "2026-02-10", "reason": "NO_SHOW"}""");
        refused(postAs(WORKER, path(id, "/interventions/" + stopped + "/start"), """
                {"startedOn": "2026-02-11"}"""), 409);
    }

    @Test
    void correctionsAndRetractionsReferToEarlierEntries() throws Exception {
        String id = api.open();
        version(id, "/contacts", """
                {"kind": "TALK", "contactOn": "2025-10-01", "note": "%s"}""".formatted(NOTE));
        String contactId = eventId(id, 2);
        assertThat(version(id, "/corrections", """
                {"eventId": "%s", "correctedOn": "2025-10-03", "newOccurredOn": "2025-09-30",
                 "explanation": "datum verkeerd ingevoerd"}""".formatted(contactId))).isEqualTo(3);
        assertThat(version(id, "/retractions", """
                {"eventId": "%s", "retractedOn": "2025-10-04", "explanation": "dubbel ingevoerd"}"""
                .formatted(contactId))).isEqualTo(4);
        refused(postAs(WORKER, path(id, "/retractions"), """
                {"eventId": "%s", "retractedOn": "2025-10-05", "explanation": "nogmaals"}""".formatted(contactId)), 409);
        refused(postAs(WORKER, path(id, "/corrections"), """
                {"eventId": "%s", "correctedOn": "2025-10-05", "explanation": "bestaat niet"}"""
                .formatted(UUID.randomUUID())), 400)
                .andExpect(jsonPath("$.errors[0].field").value("eventId"));
    }

    private String eventId(String trajectory, int sequence) {
        return api.events().of(trajectory).get(sequence).eventId();
    }

    // --- 401 ---

    @Test
    void withoutCredentialsIs401() throws Exception {
        String id = api.open();
        refused(post(path(id, "/contacts")).contentType(MediaType.APPLICATION_JSON).content("""
                {"kind": "TALK", "contactOn": "2026-03-01"}"""), 401);
        refused(post(path(id, "/contacts")).contentType(MediaType.APPLICATION_JSON).content("{broken"), 401);
    }

    @Test
    void aWrongPasswordRightAfterTheRightOneIs401() throws Exception {
        String id = api.open(); // the youth worker's right password has just been accepted
        String contact = """
                {"kind": "TALK", "contactOn": "2026-03-01"}""";
        refused(post(path(id, "/contacts")).with(httpBasic(WORKER, Api.PASSWORD + "x"))
                .contentType(MediaType.APPLICATION_JSON).content(contact), 401);
        refused(post(path(id, "/contacts")).with(httpBasic("onbekend", Api.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(contact), 401);
        mvc.perform(postAs(WORKER, path(id, "/contacts"), contact)).andExpect(status().isCreated());
    }

    // --- 400 ---

    @Test
    void malformedJsonIs400() throws Exception {
        String id = api.open();
        refused(postAs(WORKER, path(id, "/contacts"), "{\"kind\": \"TALK\", "), 400);
    }

    @Test
    void anUnknownEnumValueIs400WithTheField() throws Exception {
        String id = api.open();
        refused(postAs(WORKER, path(id, "/detentions"), """
                {"type": "PRISON", "facility": "JJI Den Hey-Acker", "startedOn": "2026-03-01"}"""), 400)
                .andExpect(jsonPath("$.errors[0].field").value("type"));
        refused(postAs(WORKER, path(id, "/close"), """
                {"closedOn": "2026-03-01", "reason": "BORED"}"""), 400)
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
    }

    @Test
    void missingRequiredFieldsAre400AllAtOnce() throws Exception {
        String id = api.open();
        refused(postAs(WORKER, path(id, "/detentions"), "{}"), 400)
                .andExpect(jsonPath("$.errors[*].field", hasItem("type")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("facility")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("startedOn")));
    }

    @Test
    void aDateInTheFutureIs400() throws Exception {
        String id = api.open();
        refused(postAs(WORKER, path(id, "/contacts"), """
                {"kind": "TALK", "contactOn": "2026-03-16"}"""), 400)
                .andExpect(jsonPath("$.errors[0].field").value("contactOn"));
    }

    @Test
    void aDateBeforeTheTrajectoryOpenedIs400() throws Exception {
        String id = api.open();
        refused(postAs(WORKER, path(id, "/police-contacts"), """
                {"kind": "ARREST", "on": "2025-08-31"}"""), 400)
                .andExpect(jsonPath("$.errors[0].field").value("on"));
    }

    @Test
    void anUnknownCbsCodeIs400() throws Exception {
        refused(postAs(WORKER, "/api/trajectories", openBody("WK999999", "2025-09-01")), 400)
                .andExpect(jsonPath("$.errors[0].field").value("neighbourhood"));
        String id = api.open();
        refused(postAs(WORKER, path(id, "/transfer"), """
                {"neighbourhood": "WK999999", "transferredOn": "2026-03-01"}"""), 400);
    }

    @Test
    void codesOutsideTheCataloguesAre400() throws Exception {
        String id = api.open();
        refused(postAs(WORKER, path(id, "/interventions"), """
                {"type": "BOOT_CAMP", "startedOn": "2026-03-01"}"""), 400)
                .andExpect(jsonPath("$.errors[0].field").value("type"));
        refused(postAs(WORKER, path(id, "/contacts"), """
                {"kind": "PARTY", "contactOn": "2026-03-01"}"""), 400);
        refused(postAs(WORKER, path(id, "/police-contacts"), """
                {"kind": "HOME_VISIT", "on": "2026-03-01"}"""), 400);
    }

    @Test
    void aFacilityLongerThan200CharactersIs400() throws Exception {
        String id = api.open();
        refused(postAs(WORKER, path(id, "/detentions"), """
                {"type": "PIJ", "facility": "%s", "startedOn": "2026-03-01"}""".formatted("J".repeat(201))), 400)
                .andExpect(jsonPath("$.errors[0].field").value("facility"));
    }

    @Test
    void aDetentionEndingBeforeItStartedIs400() throws Exception {
        String id = api.open();
        version(id, "/detentions", """
                {"type": "PRE_TRIAL", "facility": "JJI Den Hey-Acker", "startedOn": "2026-02-01"}""");
        refused(postAs(WORKER, path(id, "/detentions/current/end"), """
                {"endedOn": "2026-01-31", "reason": "RELEASED_BY_COURT"}"""), 400)
                .andExpect(jsonPath("$.errors[0].field").value("endedOn"));
    }

    @Test
    void aMalformedIfMatchIs400() throws Exception {
        String id = api.open();
        refused(postAs(WORKER, path(id, "/contacts"), """
                {"kind": "TALK", "contactOn": "2026-03-01"}""").header("If-Match", "version three"), 400)
                .andExpect(jsonPath("$.errors[0].field").value("If-Match"));
    }

    @Test
    void anIdempotencyKeyLongerThan100CharactersIs400() throws Exception {
        String id = api.open();
        refused(postAs(WORKER, path(id, "/contacts"), """
                {"kind": "TALK", "contactOn": "2026-03-01"}""").header("Idempotency-Key", "k".repeat(101)), 400);
    }

    @Test
    void anInvalidBodyIs400BeforeTheRoleIsChecked() throws Exception {
        String id = api.open();
        refused(postAs("liaison", path(id, "/contacts"), """
                {"kind": "TALK", "contactOn": "2030-01-01"}"""), 400);
    }

    // --- 403 ---

    @Test
    void onlyYouthWorkersRecord() throws Exception {
        String id = api.open();
        for (String user : List.of("liaison", "auditor", "analist", "beheerder")) {
            refused(postAs(user, path(id, "/contacts"), """
                    {"kind": "TALK", "contactOn": "2026-03-01"}"""), 403);
        }
    }

    @Test
    void aYouthWorkerOfAnotherAreaIs403() throws Exception {
        String id = api.open();
        refused(postAs("jeugdwerker-ams", path(id, "/detentions"), """
                {"type": "PRE_TRIAL", "facility": "JJI Den Hey-Acker", "startedOn": "2026-03-01"}"""), 403);
        refused(postAs("jeugdwerker-ams", "/api/trajectories", openBody("WK059910", "2025-09-01")), 403);
    }

    @Test
    void aTransferOutOfTheWorkersAreasIs403() throws Exception {
        String id = api.open();
        refused(postAs(WORKER, path(id, "/transfer"), """
                {"neighbourhood": "WK0363TA", "transferredOn": "2026-03-01"}"""), 403);
    }

    @Test
    void theRoleIsCheckedBeforeTheTrajectoryIsLookedUp() throws Exception {
        refused(postAs("liaison", path(UUID.randomUUID().toString(), "/contacts"), """
                {"kind": "TALK", "contactOn": "2026-03-01"}"""), 403);
    }

    // --- 404 ---

    @Test
    void anUnknownTrajectoryIs404() throws Exception {
        String unknown = UUID.randomUUID().toString();
        refused(postAs(WORKER, path(unknown, "/contacts"), """
                {"kind": "TALK", "contactOn": "2026-03-01"}"""), 404);
        refused(postAs(WORKER, path(unknown, "/contacts"), """
                {"kind": "TALK", "contactOn": "2026-03-01", "note": "%s"}""".formatted(NOTE)), 404);
        refused(postAs(WORKER, path(unknown, "/detentions/current/end"), """
                {"endedOn": "2026-03-01", "reason": "OTHER"}"""), 404);
    }

    @Test
    void anIdThatIsNotAUuidIs400() throws Exception {
        refused(postAs(WORKER, path("not-a-trajectory", "/close"), """
                {"closedOn": "2026-03-01", "reason": "OTHER"}"""), 400)
                .andExpect(jsonPath("$.errors[0].field").value("id"));
    }

    // --- 409 ---

    @Test
    void endingADetentionThatNeverStartedIs409() throws Exception {
        String id = api.open();
        refused(postAs(WORKER, path(id, "/detentions/current/end"), """
                {"endedOn": "2026-03-01", "reason": "OTHER"}"""), 409);
        refused(postAs(WORKER, path(id, "/detentions/current/network-meeting"), """
                {"heldOn": "2026-03-01"}"""), 409);
    }

    @Test
    void aSecondDetentionDuringOneIs409() throws Exception {
        String id = api.open();
        version(id, "/detentions", """
                {"type": "PRE_TRIAL", "facility": "JJI Den Hey-Acker", "startedOn": "2026-02-01"}""");
        refused(postAs(WORKER, path(id, "/detentions"), """
                {"type": "PIJ", "facility": "JJI Den Hey-Acker", "startedOn": "2026-03-01"}"""), 409);
    }

    @Test
    void closingDuringADetentionIs409() throws Exception {
        String id = api.open();
        version(id, "/detentions", """
                {"type": "PRE_TRIAL", "facility": "JJI Den Hey-Acker", "startedOn": "2026-02-01"}""");
        refused(postAs(WORKER, path(id, "/close"), """
                {"closedOn": "2026-03-01", "reason": "OTHER"}"""), 409);
    }

    @Test
    void recordingAfterCloseIs409ExceptFollowUp() throws Exception {
        String id = api.open();
        version(id, "/close", """
                {"closedOn": "2026-03-01", "reason": "MOVED"}""");
        refused(postAs(WORKER, path(id, "/contacts"), """
                {"kind": "TALK", "contactOn": "2026-03-02"}"""), 409);
        refused(postAs(WORKER, path(id, "/basic-conditions"), """
                {"condition": "HOUSING", "status": "MET", "assessedOn": "2026-03-02"}"""), 409);
        refused(postAs(WORKER, path(id, "/close"), """
                {"closedOn": "2026-03-02", "reason": "MOVED"}"""), 409);
        version(id, "/police-contacts", """
                {"kind": "HALT_REFERRAL", "on": "2026-03-02"}""");
    }

    @Test
    void aStaleIfMatchIs409AndACurrentOneIsAccepted() throws Exception {
        String id = api.open();
        long version = version(id, "/contacts", """
                {"kind": "TALK", "contactOn": "2026-03-01"}""");
        refused(postAs(WORKER, path(id, "/contacts"), """
                {"kind": "PHONE", "contactOn": "2026-03-02"}""").header("If-Match", "\"0\""), 409);
        mvc.perform(postAs(WORKER, path(id, "/contacts"), """
                        {"kind": "PHONE", "contactOn": "2026-03-02"}""").header("If-Match", "\"" + version + "\""))
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"" + (version + 1) + "\""));
    }

    @Test
    void aSecondOpenTrajectoryForTheSameYouthIs409() throws Exception {
        String body = """
                {"neighbourhood": "WK059910", "openedOn": "2025-10-01",
                 "referral": {"source": "SCHOOL", "reason": "verzuim"},
                 "youth": {"givenName": "Noor", "familyName": "Dubbel", "birthDate": "2011-02-03"}}""";
        MvcResult first = mvc.perform(postAs(WORKER, "/api/trajectories", body))
                .andExpect(status().isCreated())
                .andExpect(header().exists("Location")).andReturn();
        refused(postAs(WORKER, "/api/trajectories", body), 409);
        String id = json(first).get("trajectoryId").asText();
        version(id, "/close", """
                {"closedOn": "2026-03-01", "reason": "GOALS_REACHED"}""");
        // Closing frees the youth (the registry follows TrajectoryClosed asynchronously).
        JsonNode reopened = null;
        for (int attempt = 0; attempt < 100 && reopened == null; attempt++) {
            MvcResult again = mvc.perform(postAs(WORKER, "/api/trajectories", body)).andReturn();
            if (again.getResponse().getStatus() == 201) {
                reopened = json(again);
            } else {
                Thread.sleep(50);
            }
        }
        assertThat(reopened).as("a new trajectory after the first closed").isNotNull();
        assertThat(reopened.get("youthId").asText()).isEqualTo(json(first).get("youthId").asText());
    }

    @Test
    void afterErasureNoNewFreeTextIsSealedForTheYouth() throws Exception {
        MvcResult opened = mvc.perform(postAs(WORKER, "/api/trajectories", openBody("WK059910", "2025-09-01")))
                .andExpect(status().isCreated()).andReturn();
        String id = json(opened).get("trajectoryId").asText();
        keys.destroy(new YouthId(json(opened).get("youthId").asText()));

        refused(postAs(WORKER, path(id, "/contacts"), """
                {"kind": "TALK", "contactOn": "2026-03-01", "note": "%s"}""".formatted(NOTE)), 409);
        version(id, "/contacts", """
                {"kind": "TALK", "contactOn": "2026-03-01"}""");
    }

    // --- OpenAPI ---

    @Test
    void theOpenApiDescriptionShowsEveryCommandEndpointWithItsErrors() throws Exception {
        JsonNode docs = json(mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn());
        List<String> paths = List.of("/api/trajectories/{id}/interventions", "/api/trajectories/{id}/contacts",
                "/api/trajectories/{id}/police-contacts", "/api/trajectories/{id}/detentions",
                "/api/trajectories/{id}/detentions/current/network-meeting",
                "/api/trajectories/{id}/detentions/current/end", "/api/trajectories/{id}/basic-conditions",
                "/api/trajectories/{id}/close", "/api/trajectories/{id}/caseworker",
                "/api/trajectories/{id}/transfer", "/api/trajectories/{id}/assessments",
                "/api/trajectories/{id}/interventions/planned",
                "/api/trajectories/{id}/interventions/{interventionId}/start",
                "/api/trajectories/{id}/interventions/{interventionId}/complete",
                "/api/trajectories/{id}/interventions/{interventionId}/stop",
                "/api/trajectories/{id}/detentions/current/perspectiefplan",
                "/api/trajectories/{id}/detentions/current/trajectory-meeting",
                "/api/trajectories/{id}/detentions/current/stp", "/api/trajectories/{id}/outcomes",
                "/api/trajectories/{id}/corrections", "/api/trajectories/{id}/retractions");
        for (String path : paths) {
            JsonNode responses = docs.path("paths").path(path).path("post").path("responses");
            for (String status : List.of("201", "400", "401", "403", "404", "409", "422")) {
                assertThat(responses.has(status)).as(path + " documents " + status).isTrue();
            }
            assertThat(responses.path("409").path("content").has("application/problem+json")).isTrue();
        }
        assertThat(docs.path("paths").path("/api/trajectories").path("post").path("responses").has("409")).isTrue();
    }
}
