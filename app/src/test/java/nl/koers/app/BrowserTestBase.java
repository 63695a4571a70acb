package nl.koers.app;

import nl.koers.platform.testing.TestStores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Pages in a real browser: the embedded default on a random port (as the end-to-end tests start it) and the
 * system's Chromium driven through the system's chromedriver, headless, in Dutch, with a fresh profile per class. Nothing
 * is downloaded at run time: the driver and browser are given explicitly, so Selenium Manager is never asked.
 * axe-core comes from {@code src/test/browser/node_modules} ({@code npm ci} there; {@code .ci/run} does it).
 * Without Chromium, chromedriver or axe-core the tests are skipped, like the PostgreSQL tests without PostgreSQL.
 * Every page a test looks at can be checked with {@link #assertAccessible}, which also saves a screenshot to
 * {@code target/screenshots/} and appends the page's server response time to {@code target/page-timings.csv}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SpringBootTest(classes = KoersApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class BrowserTestBase {
    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("KOERS_CHROMIUM", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("KOERS_CHROMEDRIVER", "/usr/bin/chromedriver"));
    static final Path AXE = Path.of("src/test/browser/node_modules/axe-core/axe.min.js");
    static final Path SCREENSHOTS = Path.of("target/screenshots");
    static final Path TIMINGS = Path.of("target/page-timings.csv");
    static final String PASSWORD = "koers-demo";

    @LocalServerPort
    int port;
    KoersApi api;
    WebDriver browser;
    private String axeSource;
    private Path profile;

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        TestStores.register(registry);
    }

    @BeforeAll
    void startBrowser() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM), "Chromium not installed at " + CHROMIUM);
        assumeTrue(Files.isExecutable(CHROMEDRIVER), "chromedriver not installed at " + CHROMEDRIVER);
        assumeTrue(Files.isRegularFile(AXE), "axe-core not installed (npm ci in app/src/test/browser)");
        axeSource = Files.readString(AXE);
        api = new KoersApi(base());
        profile = Files.createTempDirectory("koers-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--disable-sync", "--window-size=1280,900", "--user-data-dir=" + profile,
                // a Dutch browser, as the users have: date fields show dd-mm-jjjj (English tests switch with ?lang=en)
                "--lang=nl-NL");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "nl-NL,nl"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
                // on Linux Chromium takes its language from the environment (--lang is for the other systems); the
                // Dutch locale needs Debian's chromium-l10n, without it the date fields stay mm/dd/yyyy
                .withEnvironment(Map.of("LANGUAGE", "nl")).build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(30));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    void open(String path) {
        browser.get(base() + path);
    }

    /** Logs in through the form, as a person would; ends on the page the login leads to. */
    void logIn(String user) {
        open("/login");
        type("username", user);
        type("password", PASSWORD);
        submit(By.cssSelector("form.form button[type=submit]"));
    }

    void logOut() {
        submit(By.cssSelector("form.logout button"));
    }

    /** Clicks a button or link that loads another page, and waits until the browser has left this one. */
    void submit(By button) {
        WebElement page = browser.findElement(By.tagName("html"));
        browser.findElement(button).click();
        awaitLeft(page);
    }

    /** Waits until the browser has left the page whose {@code <html>} element this is. */
    void awaitLeft(WebElement page) {
        // Chromium sometimes reports the old page's node as "not in the document" instead of stale: gone as well
        new WebDriverWait(browser, Duration.ofSeconds(30)).ignoring(org.openqa.selenium.WebDriverException.class)
                .until(ExpectedConditions.stalenessOf(page));
    }

    void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /** Scrolls an element into view, for the screenshot that follows. */
    void scrollTo(By element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", browser.findElement(element));
    }

    String path() {
        return browser.getCurrentUrl().substring(base().length());
    }

    String heading() {
        return browser.findElement(By.tagName("h1")).getText();
    }

    String text() {
        return browser.findElement(By.tagName("body")).getText();
    }

    String htmlLang() {
        return browser.findElement(By.tagName("html")).getDomAttribute("lang");
    }

    /** A request with this browser's session cookie (a download, as the link would fetch it). */
    String fetch(String path) {
        return (String) ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.text()).then(done,"
                        + " e => done('failed: ' + e));", path);
    }

    /**
     * axe-core finds no serious or critical violation on the page shown now; saves a screenshot named
     * {@code name} and the page's response time.
     */
    void assertAccessible(String name) {
        screenshot(name);
        recordTiming(name);
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript(axeSource);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> violations = (List<Map<String, Object>>) js.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "axe.run(document, {resultTypes: ['violations']})"
                        + ".then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
                        + " nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}))), e => done([{id: 'axe-error',"
                        + " impact: 'critical', help: String(e), nodes: []}]));");
        List<Map<String, Object>> severe = violations.stream()
                .filter(v -> "serious".equals(v.get("impact")) || "critical".equals(v.get("impact"))).toList();
        assertThat(severe).as("serious or critical accessibility violations on %s (%s)", name, path()).isEmpty();
    }

    /** The whole page, not just the window: the rendering beyond the viewport through the DevTools protocol. */
    byte[] fullPageScreenshot() {
        ChromeDriver chrome = (ChromeDriver) browser;
        Map<String, Object> metrics = chrome.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
        Map<String, Object> shot = chrome.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "scale", 1,
                        "width", ((Number) size.get("width")).doubleValue(),
                        "height", ((Number) size.get("height")).doubleValue())));
        return Base64.getDecoder().decode((String) shot.get("data"));
    }

    void screenshot(String name) {
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        try {
            Files.write(SCREENSHOTS.resolve(name + ".png"), png);
        } catch (IOException e) {
            throw new IllegalStateException("cannot save screenshot " + name, e);
        }
    }

    /** Time from sending the request to the last byte of the answer, as the browser measured it. */
    private void recordTiming(String name) {
        Object millis = ((JavascriptExecutor) browser).executeScript(
                "const n = performance.getEntriesByType('navigation')[0];"
                        + "return n ? Math.round(n.responseEnd - n.requestStart) : null;");
        try {
            Files.writeString(TIMINGS, name + "," + path() + "," + millis + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new IllegalStateException("cannot record the page timing of " + name, e);
        }
    }
}
