package nl.koers.app;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/** Logging in and out of the pages, the language switch and where each role lands, in Chromium. */
class LoginPagesBrowserTest extends BrowserTestBase {

    @BeforeEach
    void freshSession() {
        browser.manage().deleteAllCookies();
    }

    @Test
    void anAnonymousVisitorIsSentToTheLoginPageInDutch() {
        open("/");

        assertThat(path()).isEqualTo("/login");
        assertThat(htmlLang()).isEqualTo("nl");
        assertThat(heading()).isEqualTo("Inloggen");
        assertThat(browser.findElement(By.cssSelector("input[name=_csrf]")).getDomAttribute("type")).isEqualTo("hidden");
        assertAccessible("login");
    }

    @Test
    void aWrongPasswordKeepsTheVisitorOnTheLoginPageWithAMessage() {
        open("/login");
        type("username", "analist");
        type("password", "not-the-password");
        submit(By.cssSelector("form.form button[type=submit]"));

        assertThat(path()).isEqualTo("/login?error");
        assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText())
                .contains("De gebruikersnaam of het wachtwoord klopt niet");
        assertAccessible("login-failed");
    }

    @Test
    void theLanguageSwitchesToEnglishForTheSessionAndBack() {
        open("/login?lang=en");
        assertThat(htmlLang()).isEqualTo("en");
        assertThat(heading()).isEqualTo("Log in");

        logIn("jeugdwerker");
        assertThat(htmlLang()).isEqualTo("en");
        assertThat(heading()).isEqualTo("Worklist");
        assertThat(text()).contains("youth worker");
        assertAccessible("start-youth-worker-en");

        submit(By.linkText("NL"));
        assertThat(htmlLang()).isEqualTo("nl");
        assertThat(heading()).isEqualTo("Werklijst");
    }

    @Test
    void aYouthWorkerStartsOnTheWorklistOfTheirOwnAreas() {
        logIn("jeugdwerker-ams");

        assertThat(path()).isEqualTo("/");
        assertThat(heading()).isEqualTo("Werklijst");
        assertThat(browser.findElement(By.id("focusArea")).getText())
                .contains("FA01 Amsterdam Zuidoost", "FA02 Amsterdam Nieuw-West").doesNotContain("FA03");
        assertThat(browser.findElements(By.cssSelector("nav a[href='/wijken']"))).hasSize(1);
        assertAccessible("start-youth-worker");
    }

    @Test
    void eachAggregateRoleLandsOnItsOwnPage() {
        logIn("analist");
        assertThat(path()).startsWith("/wijken");
        logOut();
        logIn("auditor");
        assertThat(path()).startsWith("/audit");
        logOut();
        logIn("beheerder");
        assertThat(path()).startsWith("/beheer");
    }

    @Test
    void loggingOutEndsTheSession() {
        logIn("jeugdwerker");
        assertThat(path()).isEqualTo("/");

        logOut();
        assertThat(path()).isEqualTo("/login?logout");
        assertThat(text()).contains("U bent uitgelogd");

        open("/");
        assertThat(path()).isEqualTo("/login");
    }

    @Test
    void theApiStaysOnHttpBasicWithoutASession() {
        var answer = api.get("analist", "/api/caseload?focusArea=FA03");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(api.get(null, "/api/caseload?focusArea=FA03").status()).isEqualTo(401);
    }
}
