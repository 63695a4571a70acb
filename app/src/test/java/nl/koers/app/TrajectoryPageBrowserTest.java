package nl.koers.app;

import com.fasterxml.jackson.databind.JsonNode;
import nl.koers.app.demo.DemoScenario;
import nl.koers.events.common.BusinessCalendar;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The trajectory page in Chromium: a youth worker records a contact, sees it in the timeline and corrects it; a
 * double click and a stale page record once; a date in the future is refused next to its field; another area's
 * worker gets the refusal page (and the access log has it); a justice liaison states a purpose first (the access
 * log carries it) and looks at the file as known a month ago. Every page passes axe.
 */
class TrajectoryPageBrowserTest extends BrowserTestBase {
    private static final Path README_SCREENSHOT = Path.of("../docs/screenshots/trajectory.png");
    @Autowired
    DemoScenario demo;
    private final List<String> trajectories = new ArrayList<>();
    private LocalDate today;

    @BeforeAll
    void openTrajectories() throws Exception {
        today = LocalDate.now(BusinessCalendar.ZONE);
        for (int i = 0; i < 7; i++) {
            var opened = api.open("jeugdwerker", "WK059910", "Tijdlijn" + i, "Demo-Pagina", "2010-06-1" + i);
            assertThat(opened.status()).isEqualTo(201);
            trajectories.add(opened.body().get("trajectoryId").asText());
        }
        for (String id : trajectories) {
            api.awaitTrajectory("jeugdwerker", id);
        }
    }

    @BeforeEach
    void freshSession() {
        browser.manage().deleteAllCookies();
    }

    @Test
    void aYouthWorkerRecordsAContactSeesItInTheTimelineCorrectsItAndLogsOut() throws Exception {
        String id = trajectories.get(0);
        var planned = api.post("jeugdwerker", "/api/trajectories/" + id + "/interventions/planned",
                "{\"type\":\"HALT_AFDOENING\",\"plannedOn\":\"2026-02-01\"}");
        assertThat(planned.status()).isEqualTo(201);
        logIn("jeugdwerker");
        open("/trajecten/" + id + "?minVersion=" + planned.body().get("version").asLong());
        assertThat(heading()).contains("Tijdlijn0 Demo-Pagina", "Preventie");
        assertThat(text()).contains("Feijenoord", "Casemanager", "jeugdwerker", "Halt-afdoening", "gepland");
        assertThat(timeline().get(0).getText()).contains("Interventie gepland");
        assertThat(browser.findElements(By.cssSelector("details#networkMeeting"))).as("no chain steps before detention").isEmpty();
        assertAccessible("trajectory-youth-worker");

        expand("contact");
        new Select(browser.findElement(By.id("contact-kind"))).selectByIndex(1);
        setValue("contact-contactOn", today.minusDays(1).toString());
        type("contact-note", "Gesprek op school, afspraak gemaakt.");
        submit(By.cssSelector("#contact button[type=submit]"));

        assertThat(path()).startsWith("/trajecten/" + id + "?minVersion=");
        assertThat(text()).contains("Vastgelegd.");
        WebElement newest = timeline().get(0);
        assertThat(newest.getText()).contains("Contact", today.minusDays(1).toString(), "Gesprek op school, afspraak gemaakt.");
        String eventId = newest.getDomAttribute("id").substring("entry-".length());
        assertAccessible("trajectory-recorded");

        assertThat(browser.findElements(By.cssSelector(".timeline form"))).as("one correction and one retraction form")
                .hasSize(2);
        // the entry's own link opens the one correction form with that entry chosen
        submit(By.cssSelector("#entry-" + eventId + " a[href*='corrigeer=']"));
        assertThat(path()).isEqualTo("/trajecten/" + id + "?corrigeer=" + eventId + "#correct");
        assertThat(browser.findElement(By.id("correct")).getDomProperty("open")).isEqualTo("true");
        Select entries = new Select(browser.findElement(By.id("correct-eventId")));
        assertThat(entries.getFirstSelectedOption().getDomAttribute("value")).isEqualTo(eventId);
        assertThat(entries.getOptions().get(1).getText()).as("newest first")
                .startsWith(today.minusDays(1) + " \u2014 Contact");
        setValue("correct-correctedOn", today.toString());
        setValue("correct-newOccurredOn", today.minusDays(2).toString());
        type("correct-explanation", "Datum verkeerd overgenomen.");
        submit(By.cssSelector("#correct button[type=submit]"));

        String corrected = browser.findElement(By.id("entry-" + eventId)).getText();
        assertThat(corrected).contains("Gecorrigeerd op " + today, "juiste datum: " + today.minusDays(2),
                "Datum verkeerd overgenomen.");
        assertThat(timeline().get(0).getText()).contains("Correctie");
        scrollTo(By.id("timeline-title"));
        assertAccessible("trajectory-corrected");

        open("/trajecten/" + id + "?lang=en");
        assertThat(htmlLang()).isEqualTo("en");
        assertThat(text()).contains("At a glance", "Timeline", "Corrected on " + today, "Record");
        assertAccessible("trajectory-english");
        open("/trajecten/" + id + "?lang=nl");

        Files.createDirectories(README_SCREENSHOT.getParent());
        Files.write(README_SCREENSHOT, fullPageScreenshot());
        logOut();
        assertThat(path()).startsWith("/login");
    }

    @Test
    void aDoubleClickRecordsOnce() throws Exception {
        String id = trajectories.get(1);
        logIn("jeugdwerker");
        open("/trajecten/" + id);
        expand("contact");
        new Select(browser.findElement(By.id("contact-kind"))).selectByIndex(1);
        setValue("contact-contactOn", today.toString());
        type("contact-note", "Twee keer geklikt.");
        // two copies of the same form, sent at the same moment, as a double click sends them
        Object statuses = ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "const form = document.querySelector('#contact form');"
                        + "const send = () => fetch(form.action, {method: 'POST', credentials: 'same-origin',"
                        + " redirect: 'manual', body: new URLSearchParams(new FormData(form))}).then(r => r.type);"
                        + "Promise.all([send(), send()]).then(done, e => done('failed: ' + e));");
        assertThat(statuses.toString()).doesNotContain("failed");
        // and the same form once more, the ordinary way: it lands on the page of the first
        submit(By.cssSelector("#contact button[type=submit]"));
        assertThat(path()).isEqualTo("/trajecten/" + id + "?minVersion=2");
        assertThat(contacts(id)).isEqualTo(1);
        assertThat(timeline().stream().filter(e -> e.getText().contains("Twee keer geklikt.")).count()).isEqualTo(1);
        assertAccessible("trajectory-double-click");
    }

    @Test
    void aStalePageShowsTheFreshStateAndKeepsWhatWasTyped() throws Exception {
        String id = trajectories.get(2);
        logIn("jeugdwerker");
        open("/trajecten/" + id);
        expand("contact");
        new Select(browser.findElement(By.id("contact-kind"))).selectByIndex(1);
        setValue("contact-contactOn", today.toString());
        type("contact-note", "Mijn eigen notitie.");
        var meanwhile = api.post("jeugdwerker", "/api/trajectories/" + id + "/police-contacts",
                "{\"kind\":\"" + firstCode("policeContactKinds") + "\",\"on\":\"" + today + "\"}");
        assertThat(meanwhile.status()).isEqualTo(201);

        submit(By.cssSelector("#contact button[type=submit]"));
        assertThat(browser.findElement(By.cssSelector("#contact [role=alert]")).getText())
                .contains("Iemand anders heeft intussen iets vastgelegd");
        assertThat(browser.findElement(By.id("contact-note")).getDomProperty("value")).isEqualTo("Mijn eigen notitie.");
        assertThat(browser.findElement(By.id("contact-contactOn")).getDomProperty("value")).isEqualTo(today.toString());
        assertThat(timeline().get(0).getText()).contains("Politiecontact");
        assertThat(contacts(id)).isZero();
        assertAccessible("trajectory-stale");

        submit(By.cssSelector("#contact button[type=submit]"));
        assertThat(text()).contains("Vastgelegd.");
        assertThat(contacts(id)).isEqualTo(1);
    }

    @Test
    void aDateInTheFutureIsRefusedNextToItsFieldAndNothingIsStored() throws Exception {
        String id = trajectories.get(3);
        logIn("jeugdwerker");
        open("/trajecten/" + id);
        expand("contact");
        new Select(browser.findElement(By.id("contact-kind"))).selectByIndex(1);
        // the date picker's max is today; a typed-in date gets past it, the server must say no
        ((JavascriptExecutor) browser).executeScript("document.getElementById('contact-contactOn').removeAttribute('max')");
        setValue("contact-contactOn", today.plusDays(3).toString());
        type("contact-note", "Te vroeg genoteerd.");
        submit(By.cssSelector("#contact button[type=submit]"));

        assertThat(path()).isEqualTo("/trajecten/" + id + "#contact");
        assertThat(browser.findElement(By.id("contact-contactOn-error")).getText()).isEqualTo("Deze datum ligt in de toekomst.");
        assertThat(browser.findElement(By.id("contact-contactOn")).getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.id("contact-note")).getDomProperty("value")).isEqualTo("Te vroeg genoteerd.");
        assertThat(text()).contains("Er is niets vastgelegd");
        assertThat(contacts(id)).isZero();
        assertAccessible("trajectory-field-error");
    }

    @Test
    void aCorrectionOrRetractionWithoutAnEntryIsRefusedNextToTheChoice() throws Exception {
        String id = trajectories.get(5);
        var contact = api.post("jeugdwerker", "/api/trajectories/" + id + "/contacts",
                "{\"kind\":\"" + firstCode("contactKinds") + "\",\"contactOn\":\"" + today + "\"}");
        assertThat(contact.status()).isEqualTo(201);
        long version = contact.body().get("version").asLong();
        logIn("jeugdwerker");
        open("/trajecten/" + id + "?minVersion=" + version);
        expand("retract");
        assertThat(new Select(browser.findElement(By.id("retract-eventId"))).getFirstSelectedOption().getText())
                .isEqualTo("Kies\u2026");
        setValue("retract-retractedOn", today.toString());
        type("retract-explanation", "Dubbel ingevoerd.");
        submit(By.cssSelector("#retract button[type=submit]"));

        assertThat(path()).isEqualTo("/trajecten/" + id + "#retract");
        assertThat(browser.findElement(By.id("retract-eventId-error")).getText()).isEqualTo("Vul dit in.");
        assertThat(browser.findElement(By.id("retract-explanation")).getDomProperty("value")).isEqualTo("Dubbel ingevoerd.");
        assertThat(api.get("jeugdwerker", "/api/trajectories/" + id).body().get("version").asLong()).isEqualTo(version);
        assertAccessible("trajectory-retract-no-entry");
    }

    @Test
    void theCaseworkerIsChosenFromTheAreasYouthWorkersAndAnUnknownNameIsRefused() throws Exception {
        String id = trajectories.get(6);
        logIn("jeugdwerker");
        open("/trajecten/" + id);
        expand("caseworker");
        Select caseworker = new Select(browser.findElement(By.id("caseworker-caseworker")));
        assertThat(caseworker.getOptions().stream().map(WebElement::getText).toList())
                .as("the youth workers of Rotterdam-Zuid, not those of Amsterdam nor other roles")
                .containsExactly("Kies\u2026", "jeugdwerker (nu casemanager)", "jeugdwerker-zuid");

        // a name the list does not offer, as a tampered form would send it
        ((JavascriptExecutor) browser).executeScript(
                "document.querySelector('#caseworker-caseworker option:last-child').value = 'niet-bekend'");
        caseworker.selectByVisibleText("jeugdwerker-zuid");
        setValue("caseworker-assignedOn", today.toString());
        submit(By.cssSelector("#caseworker button[type=submit]"));
        assertThat(path()).isEqualTo("/trajecten/" + id + "#caseworker");
        assertThat(browser.findElement(By.id("caseworker-caseworker-error")).getText())
                .isEqualTo("Kies een jeugdwerker die Koers kent.");
        assertThat(api.get("jeugdwerker", "/api/trajectories/" + id).body().get("caseworker").asText())
                .isEqualTo("jeugdwerker");
        assertAccessible("trajectory-caseworker-unknown");

        new Select(browser.findElement(By.id("caseworker-caseworker"))).selectByVisibleText("jeugdwerker-zuid");
        setValue("caseworker-assignedOn", today.toString());
        submit(By.cssSelector("#caseworker button[type=submit]"));
        assertThat(text()).contains("Vastgelegd.");
        assertThat(browser.findElement(By.cssSelector(".glance .facts")).getText()).contains("jeugdwerker-zuid");
        assertThat(api.get("jeugdwerker", "/api/trajectories/" + id).body().get("caseworker").asText())
                .isEqualTo("jeugdwerker-zuid");
    }

    @Test
    void anotherAreasYouthWorkerGetsTheRefusalPageAndTheAccessLogHasIt() {
        String id = trajectories.get(4);
        logIn("jeugdwerker-ams");
        open("/trajecten/" + id);
        assertThat(heading()).isEqualTo("Geen toegang");
        assertThat(text()).doesNotContain("Tijdlijn4", "Demo-Pagina");
        assertAccessible("trajectory-refused");
        JsonNode log = api.get("auditor", "/api/audit/access-log?trajectoryId=" + id).body();
        assertThat(log.toString()).contains("\"user\":\"jeugdwerker-ams\"", "\"outcome\":\"REFUSED\"",
                "GET /trajecten/" + id);
    }

    @Test
    void aLiaisonStatesAPurposeFirstAndSeesTheFileAsKnownAMonthAgo() throws Exception {
        assertThat(demo.load(1)).isEqualTo(20);
        String monthAgo = today.minusMonths(1).toString();
        String id = null;
        long deadline = System.currentTimeMillis() + 30_000;
        while (id == null && System.currentTimeMillis() < deadline) {
            for (JsonNode item : api.get("liaison", "/api/trajectories?size=50", "X-Purpose", "test").body().get("items")) {
                String candidate = item.get("trajectoryId").asText();
                var then = api.get("liaison", "/api/trajectories/" + candidate + "/history?knownAt=" + monthAgo, "X-Purpose", "test");
                var now = api.get("liaison", "/api/trajectories/" + candidate + "/history", "X-Purpose", "test");
                if (then.status() == 200 && then.body().get("entries").size() > 0
                        && then.body().get("entries").size() < now.body().get("entries").size()) {
                    id = candidate;
                    break;
                }
            }
            Thread.sleep(500);
        }
        assertThat(id).as("a demo trajectory recorded on in the last month").isNotNull();

        logIn("liaison");
        open("/trajecten/" + id);
        assertThat(heading()).isEqualTo("Doel van inzage");
        assertThat(browser.findElements(By.cssSelector(".timeline"))).isEmpty();
        assertAccessible("trajectory-purpose");
        submit(By.cssSelector("main form button[type=submit]"));
        assertThat(browser.findElement(By.id("reason-error")).getText()).isEqualTo("Kies het doel van uw inzage.");

        browser.findElement(By.id("reason-COURT_ADVICE")).click();
        type("text", "parketnummer 12/345");
        submit(By.cssSelector("main form button[type=submit]"));
        assertThat(path()).isEqualTo("/trajecten/" + id);
        assertThat(text()).contains("Doel van deze inzage: advies aan OM/rechter: parketnummer 12/345.");
        assertThat(browser.findElements(By.cssSelector("section.record"))).as("a liaison records nothing").isEmpty();
        int entriesNow = timeline().size();
        assertAccessible("trajectory-liaison");
        JsonNode log = api.get("auditor", "/api/audit/access-log?trajectoryId=" + id).body();
        assertThat(log.toString()).contains("READ_SUMMARY", "READ_HISTORY",
                "advies aan OM/rechter: parketnummer 12/345");

        setValue("knownAt", monthAgo);
        submit(By.cssSelector("form.known-at button[type=submit]"));
        assertThat(path()).isEqualTo("/trajecten/" + id + "?knownAt=" + monthAgo);
        assertThat(text()).contains("zoals het bekend was aan het eind van " + monthAgo);
        assertThat(timeline().size()).isPositive().isLessThan(entriesNow);
        assertAccessible("trajectory-known-at");
    }

    private List<WebElement> timeline() {
        return browser.findElements(By.cssSelector(".timeline__entries > li"));
    }

    private void expand(String form) {
        browser.findElement(By.cssSelector("details#" + form + " > summary")).click();
    }

    private void setValue(String id, String value) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]",
                browser.findElement(By.id(id)), value);
    }

    private long contacts(String id) throws Exception {
        JsonNode history = api.get("jeugdwerker", "/api/trajectories/" + id + "/history").body();
        long count = 0;
        for (JsonNode entry : history.get("entries")) {
            count += "ContactRecorded".equals(entry.get("type").asText()) ? 1 : 0;
        }
        return count;
    }

    private String firstCode(String catalogue) {
        return api.get("jeugdwerker", "/api/reference/catalogues").body().get(catalogue).get(0).get("code").asText();
    }
}
