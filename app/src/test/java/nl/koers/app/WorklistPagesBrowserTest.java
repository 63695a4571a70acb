package nl.koers.app;

import com.fasterxml.jackson.databind.JsonNode;
import nl.koers.events.common.BusinessCalendar;
import nl.koers.events.reference.ReferenceData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.TestPropertySource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A youth worker's and a liaison's day in Chromium. Rotterdam-Zuid (FA03) has three youths, opened on different
 * days so their "no contact for 30 days" signals fall due one after another: Zoë Çelik (the worker's own case),
 * Daan de Vries (jeugdwerker-ams's case) and Mila Bakker (own). Amsterdam Zuidoost (FA01) has a namesake Zoë Çelik
 * with another birth date. The worker lands on the worklist, filters to their own cases, finds Zoë by typing
 * "zoe celik", and opens a trajectory through the form: a date in the future is refused next to its field, a
 * double click opens once. The liaison states a purpose before searching and finds it in the access log. Its own
 * application context (and so its own stores): the youths it opens in Rotterdam-Zuid would change the counts other
 * browser tests assert there.
 */
@TestPropertySource(properties = "browser-test.context=worklist-pages")
class WorklistPagesBrowserTest extends BrowserTestBase {
    private static final String FEIJENOORD = "WK059910";
    private static final String IJSSELMONDE = "WK059912";
    private final LocalDate today = BusinessCalendar.today(Clock.systemUTC());
    private String zoe;
    private String zoeAmsterdam;

    @BeforeAll
    void openTrajectories() throws Exception {
        zoe = open("jeugdwerker", FEIJENOORD, "Zoë", "Çelik", "2010-05-01", today.minusDays(120), null);
        String daan = open("jeugdwerker", IJSSELMONDE, "Daan", "de Vries", "2011-06-02", today.minusDays(90),
                "jeugdwerker-ams");
        String mila = open("jeugdwerker", FEIJENOORD, "Mila", "Bakker", "2012-07-03", today.minusDays(60), null);
        assertThat(api.post("jeugdwerker", "/api/trajectories/" + daan + "/interventions/planned",
                "{\"type\":\"DEBT_HELP\",\"plannedOn\":\"" + today.minusDays(10) + "\"}").status()).isEqualTo(201);
        assertThat(api.post("jeugdwerker", "/api/trajectories/" + mila + "/detentions",
                "{\"type\":\"PRE_TRIAL\",\"facility\":\"JJI Teylingereind\",\"startedOn\":\""
                        + today.minusDays(3) + "\"}").status()).isEqualTo(201);
        String amsterdam = ReferenceData.get().focusArea("FA01").orElseThrow().wijken().get(0).value();
        zoeAmsterdam = open("jeugdwerker-ams", amsterdam, "Zoë", "Çelik", "2011-02-02", today.minusDays(40), null);
        assertThat(api.awaitContaining("jeugdwerker", "/api/worklist", "\"total\":5").body().get("total").asInt())
                .isEqualTo(5);
        assertThat(api.awaitContaining("jeugdwerker", "/api/trajectories?q=celik", "\"total\":1").status())
                .isEqualTo(200);
        assertThat(api.awaitContaining("jeugdwerker-ams", "/api/trajectories?q=celik", "\"total\":1").status())
                .isEqualTo(200);
    }

    private String open(String user, String wijk, String given, String family, String birth, LocalDate on,
                        String caseworker) {
        String body = """
                {"neighbourhood":"%s","openedOn":"%s","referral":{"source":"SCHOOL","reason":"verzuim"},
                 "youth":{"givenName":"%s","familyName":"%s","birthDate":"%s"}%s}
                """.formatted(wijk, on, given, family, birth,
                caseworker == null ? "" : ",\"caseworker\":\"" + caseworker + "\"");
        KoersApi.Answer opened = api.post(user, "/api/trajectories", body);
        assertThat(opened.status()).isEqualTo(201);
        return opened.body().get("trajectoryId").asText();
    }

    @BeforeEach
    void freshSession() {
        browser.manage().deleteAllCookies();
    }

    @Test
    void aYouthWorkerWorksFromTheWorklistFindsAYouthAndOpensATrajectoryOnce() throws Exception {
        logIn("jeugdwerker");
        assertThat(path()).isEqualTo("/");
        assertThat(heading()).isEqualTo("Werklijst");
        // Most urgent first: by the day each signal is due.
        assertThat(column(2)).containsExactly("Zoë Çelik", "Daan de Vries", "Mila Bakker", "Daan de Vries",
                "Mila Bakker");
        assertThat(column(1)).containsExactly("Al 30 dagen geen contact", "Al 30 dagen geen contact",
                "Al 30 dagen geen contact", "Geplande interventie niet gestart",
                "Netwerkberaad houden (binnen 7 dagen na start detentie)");
        assertThat(column(3)).containsExactly("Feijenoord (Rotterdam)", "IJsselmonde (Rotterdam)",
                "Feijenoord (Rotterdam)", "IJsselmonde (Rotterdam)", "Feijenoord (Rotterdam)");
        assertThat(column(0).get(0)).contains("te laat");
        assertThat(column(0).get(4)).doesNotContain("te laat");
        assertThat(browser.findElement(By.linkText("Zoë Çelik")).getDomAttribute("href")).isEqualTo("/trajecten/" + zoe);
        assertAccessible("worklist");
        Path docs = Path.of("../docs/screenshots");
        Files.createDirectories(docs);
        Files.copy(SCREENSHOTS.resolve("worklist.png"), docs.resolve("worklist.png"),
                StandardCopyOption.REPLACE_EXISTING);

        browser.findElement(By.id("caseworker")).click();
        submit(By.cssSelector("main form button[type=submit]"));
        assertThat(path()).isEqualTo("/?focusArea=&caseworker=me");
        assertThat(column(2)).containsExactly("Zoë Çelik", "Mila Bakker", "Mila Bakker");
        assertThat(browser.findElement(By.id("caseworker")).isSelected()).isTrue();
        assertAccessible("worklist-mine");

        type("header-q", "zoe celik");
        submit(By.cssSelector("form.header-search button"));
        assertThat(path()).startsWith("/zoeken?q=");
        assertThat(column(0)).containsExactly("Zoë Çelik");
        assertThat(column(1)).containsExactly("01-05-2010");
        assertThat(browser.findElement(By.linkText("Zoë Çelik")).getDomAttribute("href")).isEqualTo("/trajecten/" + zoe);
        assertAccessible("search-results");
        assertThat(accessLog(zoe)).anySatisfy(entry -> {
            assertThat(entry.get("user").asText()).isEqualTo("jeugdwerker");
            assertThat(entry.get("action").asText()).isEqualTo("SEARCH");
        });

        type("q", "x");
        submit(By.cssSelector("main form[role=search] button"));
        assertThat(browser.findElement(By.id("q-error")).getText()).contains("minstens 2 letters");
        assertThat(browser.findElement(By.id("q")).getDomAttribute("aria-invalid")).isEqualTo("true");

        submit(By.linkText("Traject openen"));
        assertThat(path()).isEqualTo("/trajecten/nieuw");
        assertAccessible("opening-form");
        new Select(browser.findElement(By.id("neighbourhood"))).selectByVisibleText("Feijenoord (Rotterdam)");
        setDate("openedOn", today.plusDays(3));
        new Select(browser.findElement(By.id("referralSource"))).selectByVisibleText("School");
        type("referralReason", "vaak afwezig op school");
        type("givenName", "Noor");
        type("familyName", "Formulier");
        setDate("birthDate", LocalDate.of(2012, 3, 4));
        submit(By.cssSelector("main form button[type=submit]"));

        assertThat(path()).isEqualTo("/trajecten/nieuw");
        assertThat(browser.findElement(By.id("openedOn-error")).getText())
                .contains("Deze datum ligt in de toekomst");
        assertThat(browser.findElement(By.id("openedOn")).getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.id("givenName")).getDomProperty("value")).isEqualTo("Noor");
        assertThat(new Select(browser.findElement(By.id("neighbourhood"))).getFirstSelectedOption().getText())
                .isEqualTo("Feijenoord (Rotterdam)");
        assertThat(browser.findElements(By.id("givenName-error"))).isEmpty();
        assertAccessible("opening-errors");
        assertThat(api.get("jeugdwerker", "/api/trajectories?q=formulier").body().get("total").asInt()).isZero();

        setDate("openedOn", today);
        WebElement button = browser.findElement(By.cssSelector("main form button[type=submit]"));
        WebElement page = browser.findElement(By.tagName("html"));
        new Actions(browser).doubleClick(button).perform();
        awaitLeft(page);
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> path().startsWith("/trajecten/")
                && !path().startsWith("/trajecten/nieuw"));
        assertThat(path()).matches("/trajecten/[0-9a-f-]{36}\\?minVersion=1");
        String opened = path().substring("/trajecten/".length(), path().indexOf('?'));
        JsonNode found = api.awaitContaining("jeugdwerker", "/api/trajectories?q=formulier", opened).body();
        assertThat(found.get("total").asInt()).isEqualTo(1);
    }

    @Test
    void aSecondPostOfTheSameFormAnswersTheFirstTrajectory() throws Exception {
        logIn("jeugdwerker");
        open("/trajecten/nieuw");
        new Select(browser.findElement(By.id("neighbourhood"))).selectByVisibleText("IJsselmonde (Rotterdam)");
        new Select(browser.findElement(By.id("referralSource"))).selectByVisibleText("Politie");
        type("referralReason", "aangehouden bij winkeldiefstal");
        type("givenName", "Sem");
        type("familyName", "Tweemaal");
        setDate("birthDate", LocalDate.of(2011, 9, 9));
        setDate("openedOn", today.plusDays(1));
        // A refused post keeps nothing under its key: the same form, corrected, still opens.
        @SuppressWarnings("unchecked")
        List<String> refused = (List<String>) ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "const form = document.querySelector('main form');"
                        + "fetch(form.action, {method: 'POST', body: new URLSearchParams(new FormData(form)),"
                        + " credentials: 'same-origin'}).then(r => done([r.url]), e => done(['failed: ' + e]));");
        assertThat(refused).singleElement().asString().endsWith("/trajecten/nieuw");
        setDate("openedOn", today);
        // Both posts of one form at once, as a fast double click sends them: the same page answers both.
        @SuppressWarnings("unchecked")
        List<String> landed = (List<String>) ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "const form = document.querySelector('main form');"
                        + "const post = () => fetch(form.action, {method: 'POST', body: new URLSearchParams(new FormData(form)),"
                        + " credentials: 'same-origin'}).then(r => r.url);"
                        + "Promise.all([post(), post()]).then(done, e => done(['failed: ' + e]));");
        assertThat(landed).hasSize(2);
        assertThat(landed.get(0)).matches(".*/trajecten/[0-9a-f-]{36}\\?minVersion=1").isEqualTo(landed.get(1));
        api.awaitContaining("jeugdwerker", "/api/trajectories?q=tweemaal", "Tweemaal");
        Thread.sleep(500);
        assertThat(api.get("jeugdwerker", "/api/trajectories?q=tweemaal").body().get("total").asInt()).isEqualTo(1);
    }

    @Test
    void aYouthWithAnOpenTrajectoryIsSaidPlainlyOnTheForm() {
        logIn("jeugdwerker");
        open("/trajecten/nieuw");
        fillYouth("Feijenoord (Rotterdam)", "Zoë", "Çelik", LocalDate.of(2010, 5, 1));
        submit(By.cssSelector("main form button[type=submit]"));
        assertThat(path()).isEqualTo("/trajecten/nieuw");
        assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText())
                .contains("Voor deze jongere loopt al een traject");
        assertThat(browser.findElement(By.linkText("Naar het lopende traject")).getDomAttribute("href"))
                .isEqualTo("/trajecten/" + zoe);
        assertThat(browser.findElement(By.id("familyName")).getDomProperty("value")).isEqualTo("Çelik");
        assertAccessible("opening-duplicate");
        logOut();

        // The same youth opened in Amsterdam by a worker of Amsterdam: the trajectory is not named to another area.
        logIn("jeugdwerker-ams");
        open("/trajecten/nieuw");
        new Select(browser.findElement(By.id("neighbourhood"))).selectByIndex(1);
        fillYouth(null, "Zoë", "Çelik", LocalDate.of(2010, 5, 1));
        submit(By.cssSelector("main form button[type=submit]"));
        assertThat(text()).contains("Voor deze jongere loopt al een traject", "buiten het uwe")
                .doesNotContain(zoe);
        assertThat(browser.findElements(By.linkText("Naar het lopende traject"))).isEmpty();
    }

    @Test
    void aLiaisonStatesAPurposeBeforeSearchingAndFindsItInTheAccessLog() {
        logIn("liaison");
        assertThat(path()).isEqualTo("/zoeken");
        assertThat(browser.findElements(By.id("q"))).isEmpty();
        assertThat(text()).contains("Geef eerst aan waarom u zoekt");
        submit(By.cssSelector("form.purpose-form button"));
        assertThat(browser.findElement(By.id("reason-error")).getText()).isEqualTo("Kies het doel van uw inzage.");
        assertAccessible("purpose-errors");

        browser.findElement(By.id("reason-HEARING")).click();
        type("purpose-text", "zaak 12/345");
        submit(By.cssSelector("form.purpose-form button"));
        assertThat(path()).isEqualTo("/zoeken");
        assertThat(browser.findElement(By.cssSelector(".purpose")).getText())
                .isEqualTo("voorbereiding zitting: zaak 12/345");

        type("q", "CELIK");
        submit(By.cssSelector("main form[role=search] button"));
        assertThat(path()).doesNotContain("zaak").doesNotContain("zitting");
        assertThat(column(0)).containsOnly("Zoë Çelik").hasSize(2);
        assertThat(column(1)).containsExactlyInAnyOrder("01-05-2010", "02-02-2011");
        assertAccessible("search-liaison");
        for (String trajectory : List.of(zoe, zoeAmsterdam)) {
            assertThat(accessLog(trajectory)).anySatisfy(entry -> {
                assertThat(entry.get("user").asText()).isEqualTo("liaison");
                assertThat(entry.get("action").asText()).isEqualTo("SEARCH");
                assertThat(entry.get("purpose").asText()).isEqualTo("voorbereiding zitting: zaak 12/345");
            });
        }
    }

    @Test
    void aWorkerOfAnotherAreaNeitherSeesNorFindsRotterdamYouths() {
        logIn("jeugdwerker-ams");
        assertThat(column(2)).containsExactly("Zoë Çelik");
        assertThat(column(3)).noneMatch(wijk -> wijk.contains("Rotterdam"));
        open("/zoeken?q=zoe+celik");
        assertThat(column(1)).containsExactly("02-02-2011");
        open("/zoeken?q=01-05-2010");
        assertThat(text()).contains("Gevonden: 0", "Geen jongere gevonden");
        open("/?focusArea=FA03");
        assertThat(heading()).isEqualTo("Geen toegang");
    }

    @Test
    void thePagesSpeakEnglishOnRequest() {
        logIn("jeugdwerker");
        open("/?lang=en");
        assertThat(htmlLang()).isEqualTo("en");
        assertThat(heading()).isEqualTo("Worklist");
        assertThat(column(1)).contains("No contact for 30 days", "Planned intervention not started");
        assertAccessible("worklist-en");
        open("/zoeken?q=bakker");
        assertThat(heading()).isEqualTo("Search for a youth");
        assertThat(text()).contains("Found: 1");
        open("/trajecten/nieuw");
        assertThat(heading()).isEqualTo("Open a trajectory");
        assertAccessible("opening-form-en");
    }

    @Test
    void rolesThatDoNotReadFilesGetNoSearch() {
        logIn("analist");
        open("/zoeken?q=celik");
        assertThat(heading()).isEqualTo("Geen toegang");
        assertThat(browser.findElements(By.id("header-q"))).isEmpty();
    }

    private void fillYouth(String wijk, String given, String family, LocalDate birth) {
        if (wijk != null) {
            new Select(browser.findElement(By.id("neighbourhood"))).selectByVisibleText(wijk);
        }
        new Select(browser.findElement(By.id("referralSource"))).selectByVisibleText("School");
        type("referralReason", "verzuim");
        type("givenName", given);
        type("familyName", family);
        setDate("birthDate", birth);
    }

    /** Date inputs take typed text in the browser's locale format; the value property is the same everywhere. */
    private void setDate(String id, LocalDate date) {
        ((JavascriptExecutor) browser).executeScript("document.getElementById(arguments[0]).value = arguments[1];",
                id, date.toString());
    }

    /** The texts of one column of the page's table, top to bottom. */
    private List<String> column(int index) {
        return browser.findElements(By.cssSelector("main table tbody tr")).stream()
                .map(row -> row.findElements(By.tagName("td")).get(index).getText().trim()).toList();
    }

    private List<JsonNode> accessLog(String trajectory) {
        JsonNode entries = api.get("auditor", "/api/audit/access-log?trajectoryId=" + trajectory).body().get("entries");
        return StreamSupport.stream(entries.spliterator(), false).toList();
    }
}
