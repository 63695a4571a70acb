package nl.koers.app;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages of the roles that read aggregates and logs, in Chromium, on trajectories opened in Rotterdam-Zuid
 * (FA03): six in Feijenoord (WK059910), two in IJsselmonde (WK059912), none in Charlois (WK059915). The analyst
 * sees the map and the table with small counts as "<5", the area's youth worker the exact counts, a youth worker
 * of another area the 403 page; the auditor finds a liaison's read in the access log; the administrator sees the
 * views and dead letters, rebuilds a view and erases a youth through the form.
 */
class RolePagesBrowserTest extends BrowserTestBase {
    private final List<String> trajectories = new ArrayList<>();
    private final List<String> youths = new ArrayList<>();

    @BeforeAll
    void openTrajectoriesInRotterdamZuid() throws Exception {
        for (int i = 0; i < 8; i++) {
            String wijk = i < 6 ? "WK059910" : "WK059912";
            var opened = api.open("jeugdwerker", wijk, "Pagina" + i, "Demo-Kaart", "2011-04-1" + i);
            assertThat(opened.status()).isEqualTo(201);
            trajectories.add(opened.body().get("trajectoryId").asText());
            youths.add(opened.body().get("youthId").asText());
        }
        api.awaitContaining("jeugdwerker", "/api/caseload?focusArea=FA03", "\"PREVENTION\":8");
        var read = api.get("liaison", "/api/trajectories/" + trajectories.get(0), "X-Purpose", "rechtszaak: advies");
        assertThat(read.status()).isEqualTo(200);
    }

    @BeforeEach
    void freshSession() {
        browser.manage().deleteAllCookies();
    }

    @Test
    void theAnalystSeesTheMapAndTableWithSmallCountsSuppressedAndDownloadsTheSame() {
        logIn("analist");
        assertThat(path()).isEqualTo("/wijken");
        assertAccessible("wijken-chooser");

        new Select(browser.findElement(By.id("focusArea"))).selectByValue("FA03");
        submit(By.cssSelector("main form button[type=submit]"));

        assertThat(path()).isEqualTo("/wijken?focusArea=FA03");
        assertThat(heading()).isEqualTo("Caseload per wijk: Rotterdam-Zuid");
        List<WebElement> wijken = browser.findElements(By.cssSelector("svg.map path"));
        assertThat(wijken).hasSize(3);
        assertThat(shade("WK059910")).isEqualTo("shade-4");
        assertThat(shade("WK059912")).isEqualTo("unshaded");
        assertThat(shade("WK059915")).isEqualTo("shade-1");
        assertThat(browser.findElement(By.cssSelector("svg.map")).getText()).contains("6", "<5", "0");
        assertThat(row("WK059910")).contains("6");
        assertThat(row("WK059912")).contains("<5").doesNotContain(" 2 ");
        assertThat(browser.findElement(By.cssSelector("tfoot")).getText()).contains("afgeschermd");
        assertThat(text()).contains("Gearceerd, niet ingekleurd");
        assertAccessible("wijken-analyst");

        String csv = fetch("/wijken.csv?focusArea=FA03");
        assertThat(csv).startsWith("wijk_code,wijk_name,inhabitants,active_prevention");
        assertThat(line(csv, "WK059912")).contains(",<5,0,0,<5,,");
        assertThat(line(csv, "WK059910")).contains(",6,0,0,6,");
        assertThat(line(csv, "FA03")).contains("afgeschermd");
    }

    @Test
    void theAnalystSeesOutcomesPerCohortAsChartsAndTables() {
        logIn("analist");
        open("/uitkomsten?focusArea=FA03&cohort=2026");

        assertThat(heading()).isEqualTo("Uitkomsten: Rotterdam-Zuid, cohort 2026");
        assertThat(text()).contains("Trajecten in dit cohort: 8", "Afgesloten, per reden",
                "Basisvoorwaarden op orde bij vrijlating", "Nieuw politiecontact na vrijlating");
        assertThat(browser.findElements(By.cssSelector("svg.chart"))).hasSize(4);
        assertAccessible("uitkomsten-analyst");

        String csv = fetch("/uitkomsten.csv?focusArea=FA03&cohort=2026");
        assertThat(csv).startsWith("focus_area,cohort,section,measure,count,share,of,of_count");
        assertThat(line(csv, "closed,TOTAL")).startsWith("FA03,2026,closed,TOTAL,0,0.0,");
    }

    @Test
    void theAreasOwnYouthWorkerSeesExactCountsAndAnotherAreasWorkerGetsTheRefusalPage() {
        logIn("jeugdwerker");
        open("/wijken?focusArea=FA03");
        assertThat(row("WK059912")).contains("2").doesNotContain("<5");
        assertThat(shade("WK059912")).isNotEqualTo("unshaded");
        assertAccessible("wijken-youth-worker");
        logOut();

        logIn("jeugdwerker-ams");
        open("/wijken?focusArea=FA03");
        assertThat(heading()).isEqualTo("Geen toegang");
        assertThat(browser.findElements(By.cssSelector("svg.map"))).isEmpty();
        assertAccessible("wijken-refused");
        var log = api.get("auditor", "/api/audit/access-log");
        assertThat(log.body().toString()).contains("jeugdwerker-ams").contains("GET /wijken").contains("REFUSED");
    }

    @Test
    void theAuditorFindsWhoReadATrajectory() {
        logIn("auditor");
        assertThat(path()).startsWith("/audit");
        type("trajectoryId", "geen-id");
        submit(By.cssSelector("main form button[type=submit]"));
        assertThat(browser.findElement(By.id("trajectoryId-error")).getText()).contains("geen geldig traject-id");
        assertThat(browser.findElement(By.id("trajectoryId")).getDomAttribute("aria-invalid")).isEqualTo("true");

        type("trajectoryId", trajectories.get(0));
        submit(By.cssSelector("main form button[type=submit]"));
        String log = browser.findElement(By.cssSelector("#entries-title + table, section table")).getText();
        assertThat(log).contains("liaison", "rechtszaak: advies", "toegestaan");
        assertAccessible("audit-trajectory");
    }

    @Test
    void theAdministratorSeesViewsAndDeadLettersRebuildsAViewAndErasesAYouth() throws Exception {
        logIn("beheerder");
        assertThat(path()).isEqualTo("/beheer");
        assertThat(browser.findElement(By.id("views")).getText()).contains("caseload", "bijgewerkt");
        assertThat(browser.findElement(By.id("dead-letters")).getText()).contains("caseload");
        assertAccessible("beheer");

        submit(By.xpath("//tr[th/code='caseload']//button"));
        assertThat(path()).startsWith("/beheer?rebuilt=caseload");
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(b ->
                b.findElement(By.xpath("//section[@id='views']//tr[th/code='caseload']")).getText().contains("bijgewerkt"));

        type("youthId", "geen-id");
        type("reason", "verzoek betrokkene");
        browser.findElement(By.name("confirm")).click();
        submit(By.cssSelector("#wissen button[type=submit]"));
        assertThat(browser.findElement(By.id("youthId-error")).getText()).contains("geen geldig jongere-id");
        assertAccessible("beheer-erasure-error");

        String youth = youths.get(7);
        type("youthId", youth);
        type("reason", "verzoek betrokkene");
        browser.findElement(By.name("confirm")).click();
        submit(By.cssSelector("#wissen button[type=submit]"));
        assertThat(path()).startsWith("/beheer?erased=" + youth + "&already=false");
        assertThat(browser.findElement(By.cssSelector("#wissen [role=status]")).getText())
                .contains("De persoonsgegevens van jongere " + youth + " zijn gewist");
        assertThat(api.awaitContaining("auditor", "/api/audit/erasures", youth).body().toString()).contains(youth);
        open("/beheer");
        assertThat(text()).contains(youth, "verzoek betrokkene");
        scrollTo(By.id("wissen"));
        assertAccessible("beheer-erased");
    }

    private String shade(String wijk) {
        int index = List.of("WK059910", "WK059912", "WK059915").indexOf(wijk);
        return browser.findElements(By.cssSelector("svg.map path")).get(index).getDomAttribute("class");
    }

    private String row(String wijk) {
        return browser.findElement(By.cssSelector("tr[data-wijk='" + wijk + "']")).getText();
    }

    private static String line(String csv, String start) {
        return csv.lines().filter(l -> l.startsWith(start) || l.contains("," + start + ",") || l.contains(start))
                .findFirst().orElse("");
    }
}
