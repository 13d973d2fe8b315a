package uk.nhs.safety.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import uk.nhs.safety.itests.ApiClient.Caller;

/**
 * The web pages in real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}) against the built
 * distribution with demo data: the dashboard, the directory search, a member's public page with its SPC charts and
 * driver diagram, login and editing in the workspace, two editors' conflicting edits, a partner page appearing and
 * vanishing with its feature, and axe-core accessibility checks (no serious or critical violation) on every main
 * page. Screenshots of the main pages go to {@code target/screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// by name, so that the dashboard's screenshot is taken before a test publishes another member's plan
@TestMethodOrder(MethodOrderer.MethodName.class)
class WebIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Caller ADMIN = Caller.basic("admin", "admin");
    private static final String EDITOR = "rgt-editor";
    private static final String EDITOR_PASSWORD = "rgt-editor-secret";
    /** A trust without a demo plan, given one by the test (provisional limits, a re-based phase). */
    private static final String FRESH = "RRU";

    private KarafProcess karaf;
    private ApiClient api;
    private String base;
    private Path screenshots;
    private final List<WebDriver> browsers = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "web-it");
        karaf = KarafProcess.unpack(Path.of(System.getProperty("distribution.archive")), dir);
        karaf.addUser(EDITOR, EDITOR_PASSWORD, "member-editor", "member:RGT");
        karaf.start();
        api = new ApiClient(karaf.httpBase(), OpenApiValidator.of(OpenApiValidator.repositoryDocument()));
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> api.get("/api/v1/members").query("limit", 1).send().json().path("total").asInt() == 241);
        base = karaf.httpBase().toString();
        // RV5 is the last demo member seeded: its plan means every demo plan is there
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> api.get("/api/v1/members/{ods}/plan/versions", "RV5").send().json().size() == 1);
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> http("/").statusCode() == 200);
        screenshots = Files.createDirectories(Path.of(System.getProperty("screenshots.dir", "target/screenshots")));
    }

    @AfterAll
    void stop() throws Exception {
        for (WebDriver b : browsers) {
            b.quit();
        }
        if (karaf != null) {
            karaf.stop();
        }
    }

    // --- browser helpers ---------------------------------------------------------------------------------------------

    /** A fresh headless Chromium (its own profile, so its own cookies), through the system chromedriver. */
    private WebDriver browser() throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,900", "--lang=en-GB",
                "--user-data-dir=" + Files.createTempDirectory(Path.of("target"), "chromium-profile").toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver"))
                        .toFile())
                .usingAnyFreePort().build();
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        WebDriver driver = new ChromeDriver(service, options);
        browsers.add(driver);
        return driver;
    }

    /** Waits up to 20 s; an element replaced meanwhile (the page reloads after login) is looked up again. */
    private WebDriverWait waiting(WebDriver b) {
        WebDriverWait wait = new WebDriverWait(b, WAIT);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    private WebElement visible(WebDriver b, String css) {
        return waiting(b).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    private void open(WebDriver b, String path) {
        b.get(base + path);
    }

    /** The whole page as a PNG (Chromium captures beyond the viewport), under target/screenshots. */
    private void screenshot(WebDriver b, String name) throws IOException {
        Number height = (Number) ((JavascriptExecutor) b).executeScript(
                "return Math.ceil(document.documentElement.scrollHeight)");
        Number width = (Number) ((JavascriptExecutor) b).executeScript(
                "return Math.ceil(document.documentElement.scrollWidth)");
        Map<String, Object> shot = ((ChromeDriver) b).executeCdpCommand("Page.captureScreenshot", Map.of(
                "format", "png", "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", Math.min(height.intValue(), 12000), "scale", 1)));
        Files.write(screenshots.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
    }

    /**
     * axe-core on the page as it is now: no serious or critical violation of WCAG 2.1 A/AA. Also: the browser logged
     * no script error and no Content-Security-Policy refusal ("Refused to …") since the last check; answers the
     * pages expect (a 401 for a wrong password, the absent NHSI partner) are logged as failed loads and allowed.
     */
    private void assertAccessible(WebDriver b, String page) {
        List<String> problems = b.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).filter(m -> !m.contains("Failed to load resource")).toList();
        assertThat(problems).as(page + ": browser console errors").isEmpty();
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze(b);
        List<Rule> bad = results.getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact())).toList();
        assertThat(bad).as(page + ": " + bad.stream().map(v -> v.getId() + " (" + v.getImpact() + "): " + v.getHelp()
                + " at " + v.getNodes().stream().map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; "))).isEmpty();
        assertThat(results.getPasses()).as(page + ": axe ran its rules").isNotEmpty();
    }

    private List<WebElement> all(WebDriver b, String css) {
        return b.findElements(By.cssSelector(css));
    }

    private void logIn(WebDriver b, String password) {
        WebElement user = visible(b, "#login-user");
        user.clear();
        user.sendKeys(EDITOR);
        WebElement pw = b.findElement(By.id("login-password"));
        pw.clear();
        pw.sendKeys(password);
        b.findElement(By.id("login-submit")).click();
    }

    /** Waits until the workspace has loaded the member's actions and plan (after the reload that follows login). */
    private void awaitWorkspace(WebDriver b) {
        WebDriverWait wait = new WebDriverWait(b, WAIT);
        // while the page reloads, the old document's elements go away under the driver: look again
        wait.ignoring(WebDriverException.class);
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript("return document.readyState"
                + " === 'complete' && document.getElementById('workspace') !== null"
                + " && document.getElementById('workspace').dataset.loaded === 'true'")));
    }

    private HttpResponse<String> http(String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    // --- the national dashboard --------------------------------------------------------------------------------------

    @Test
    void dashboardShowsTheCoreFiguresAndNoNationalSectionWithoutTheNhsiPartner() throws Exception {
        WebDriver b = browser();
        open(b, "/");

        // the bundled ODS list has 241 trusts; six of them get demo plans
        waiting(b).until(ExpectedConditions.textToBe(By.cssSelector("[data-figure=members] .value"), "241"));
        // the six demo plans (README), and any plan another test of this class has published meanwhile
        List<WebElement> plans = all(b, "#plans-table tbody tr");
        assertThat(b.findElement(By.cssSelector("[data-figure=plans] .value")).getText())
                .isEqualTo(Integer.toString(plans.size()));
        assertThat(plans.stream().map(WebElement::getText).collect(Collectors.joining("\n")))
                .contains("(REP)", "(RGT)", "(RL4)", "(RM3)", "(RV5)", "(RX7)");
        assertThat(all(b, "svg.signup-chart rect.signup-bar")).isNotEmpty();
        assertThat(b.findElement(By.id("national-section")).isDisplayed()).as("no NHS Improvement partner").isFalse();
        assertThat(b.manage().logs().get(LogType.BROWSER).getAll()).as("the browser console is read: it shows the"
                + " absent partner's refusal as a failed load, and nothing else").singleElement()
                .satisfies(e -> assertThat(e.getMessage()).contains("/api/v1/partners/nhsi/national")
                        .contains("Failed to load resource"));
        assertThat(all(b, ".error-summary")).isEmpty();
        assertThat(b.getTitle()).isEqualTo("National dashboard – Sign up to Safety");
        screenshot(b, "home");
        // keyboard: the first Tab reaches the skip link, which moves the focus to the main content
        b.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        assertThat(b.switchTo().activeElement().getText()).isEqualTo("Skip to main content");
        b.switchTo().activeElement().sendKeys(Keys.ENTER);
        waiting(b).until(d -> "main".equals(d.switchTo().activeElement().getAttribute("id")));
        assertAccessible(b, "dashboard");
    }

    @Test
    void dashboardShowsTheNhsiNationalFiguresAndSeriesWhenThePartnerAnswers() throws Exception {
        // The NHS Improvement partner is built separately: its GET /api/v1/partners/nhsi/national is stood in for by
        // an answer of the agreed shape, served to the page's script in the browser. Its series' chart is a real SPC
        // analysis from the core API (RL4's falls, 33 points).
        JsonNode spc = api.get("/api/v1/members/{ods}/measures/{key}", "RL4", "falls-per-1000").send().json().path("spc");
        ObjectNode national = ApiClient.JSON.createObjectNode();
        national.put("catalogueVersion", "2015.1").put("asOf", "2016-12-31");
        ArrayNode headline = national.putArray("headline");
        headline.addObject().put("key", "harm-free-care").put("label", "harm-free care (Safety Thermometer)")
                .put("value", 94.2).put("unit", "%").put("note", "all members, December 2016");
        headline.addObject().put("key", "lives-saved").put("label", "lives saved (estimate)").put("value", 1234)
                .put("unit", "lives").put("note", "against the 2014 baseline");
        ObjectNode series = national.putArray("series").addObject();
        series.put("key", "falls").put("label", "In-patient falls per 1,000 bed days").put("unit", "per 1,000 bed days")
                .put("improvement", "down");
        series.putArray("points");
        series.set("spc", spc);
        national.putObject("method").put("description", "Stand-in figures for the test.");
        String stub = "const __answer = " + ApiClient.JSON.writeValueAsString(national) + ";"
                + "const __fetch = window.fetch;"
                + "window.fetch = (url, options) => String(url).startsWith('/api/v1/partners/nhsi/national')"
                + " ? Promise.resolve(new Response(JSON.stringify(__answer), {status: 200,"
                + " headers: {'Content-Type': 'application/json'}})) : __fetch(url, options);";
        WebDriver b = browser();
        ((ChromeDriver) b).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", stub));
        open(b, "/");

        WebElement section = visible(b, "#national-section");
        assertThat(section.findElement(By.cssSelector("[data-figure='harm-free-care'] .value")).getText())
                .isEqualTo("94.2%");
        assertThat(section.findElement(By.cssSelector("[data-figure='lives-saved'] .value")).getText())
                .isEqualTo("1,234");
        assertThat(section.findElements(By.cssSelector("[data-series='falls'] svg.spc-chart circle.spc-point")))
                .hasSize(33);
        assertThat(section.getText()).contains("From NHS Improvement, as of 31 December 2016 (catalogue 2015.1).");
        waiting(b).until(ExpectedConditions.textToBe(By.cssSelector("[data-figure=members] .value"), "241"));
        screenshot(b, "home-national");
        assertAccessible(b, "dashboard with national figures");
    }

    // --- the directory -----------------------------------------------------------------------------------------------

    @Test
    void directoryFindsTrustsByNameAndOdsCodeAndFiltersByType() throws Exception {
        WebDriver b = browser();
        open(b, "/members");
        waiting(b).until(ExpectedConditions.textToBe(By.id("result-count"), "Members 1 to 50 of 241"));
        screenshot(b, "members");
        assertAccessible(b, "directory");

        // 11 names in the ODS list contain AMBULANCE (grep -ci ambulance etr.csv)
        WebElement q = b.findElement(By.id("q"));
        long started = System.nanoTime();
        q.sendKeys("ambulance");
        waiting(b).until(ExpectedConditions.textToBe(By.id("result-count"), "11 members"));
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(millis).as("typing to results, including the 250 ms pause before searching").isLessThan(3000);
        assertThat(all(b, "#members-table tbody tr")).hasSize(11)
                .allSatisfy(row -> assertThat(row.getText().toUpperCase(Locale.ROOT)).contains("AMBULANCE"));

        q.clear();
        q.sendKeys("RGT");
        waiting(b).until(ExpectedConditions.textToBe(By.id("result-count"), "1 member"));
        assertThat(b.findElement(By.cssSelector("#members-table tbody tr")).getText())
                .contains("CAMBRIDGE UNIVERSITY HOSPITALS NHS FOUNDATION TRUST");

        q.clear();
        new Select(b.findElement(By.id("type"))).selectByVisibleText("Ambulance service");
        waiting(b).until(ExpectedConditions.textToBe(By.id("result-count"), "11 members"));
        assertThat(all(b, "#members-table tbody tr td:nth-child(3)"))
                .allSatisfy(cell -> assertThat(cell.getText()).isEqualTo("Ambulance service"));
        assertThat(b.getCurrentUrl()).endsWith("/members?type=ambulance");
        b.findElement(By.cssSelector("#members-table a")).click();
        visible(b, "#member-name");
    }

    // --- a member's public page --------------------------------------------------------------------------------------

    @Test
    void memberPageShowsPublishedActionsOfTheFivePledgesOnlyEvenWithoutJavaScript() throws Exception {
        WebDriver b = browser();
        open(b, "/members/RX7");
        waiting(b).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".pledge"), 5));
        // safety:member-show RX7 (README): published 2, 1, 1, 1, 1; two drafts (pledges 2 and 5) never shown
        int[] published = {2, 1, 1, 1, 1};
        for (int pledge = 1; pledge <= 5; pledge++) {
            assertThat(all(b, ".pledge[data-pledge='" + pledge + "'] li")).as("pledge " + pledge)
                    .hasSize(published[pledge - 1]);
        }
        // the same comes with the page itself, without JavaScript: 2 + 1 + 1 + 1 + 1 = 6 actions
        assertThat(http("/members/RX7").body().split("<li data-action=", -1)).hasSize(6 + 1);
        JsonNode drafts = api.get("/api/v1/members/{ods}/actions", "RX7").as(ADMIN).send().json();
        for (JsonNode action : drafts) {
            if (!action.path("published").asBoolean()) {
                assertThat(b.findElement(By.id("pledges")).getText()).doesNotContain(action.path("text").asText());
            }
        }
    }

    @Test
    void memberPageDrawsSpcChartsInTheMakingDataCountStyleAndTheDriverDiagram() throws Exception {
        WebDriver b = browser();
        long started = System.nanoTime();
        open(b, "/members/RL4");
        WebElement falls = visible(b, "[data-measure='falls-per-1000'] svg.spc-chart");
        waiting(b).until(d -> "true".equals(d.findElement(By.id("member-page")).getAttribute("data-loaded")));
        long millis = (System.nanoTime() - started) / 1_000_000;
        // pledges, plan, diagram and five SPC charts: 9 API calls after the page itself
        assertThat(millis).as("member page loaded with its charts in %d ms", millis).isLessThan(3000);

        // safety:measure-show RL4 falls-per-1000 (README): 33 points from 2014-04, one phase, limits 5.26 to 6;
        // 2014-04 (7.01) outside the limits on the bad side, 2015-05 (5.21) below them on the good side
        assertThat(falls.findElements(By.cssSelector("circle.spc-point"))).hasSize(33);
        assertThat(falls.findElements(By.cssSelector("line.spc-mean"))).hasSize(1);
        assertThat(falls.findElements(By.cssSelector("line.spc-limit"))).hasSize(2)
                .allSatisfy(l -> assertThat(l.getAttribute("stroke-dasharray")).isNotBlank());
        assertThat(falls.findElements(By.cssSelector("line.spc-target"))).hasSize(1);
        assertThat(falls.findElement(By.cssSelector("circle[data-period='2014-04']")).getAttribute("class"))
                .contains("spc-concern");
        assertThat(falls.findElement(By.cssSelector("circle[data-period='2015-05']")).getAttribute("class"))
                .contains("spc-improvement");
        WebElement measure = b.findElement(By.cssSelector("[data-measure='falls-per-1000']"));
        assertThat(measure.findElement(By.cssSelector(".variation-icon")).getAttribute("data-variation"))
                .isEqualTo("improvement_low");
        // "Assurance: consistently fails the target of 5.1" (README)
        assertThat(measure.findElement(By.cssSelector(".assurance-icon")).getAttribute("data-assurance"))
                .isEqualTo("consistently_fails");
        assertThat(measure.findElements(By.cssSelector(".provisional-note"))).as("33 points: limits not provisional")
                .isEmpty();
        assertThat(all(b, "#versions-table tbody tr")).hasSize(1);

        // the driver diagram: every driver and idea of the published plan is a box, every link a line
        JsonNode diagram = api.get("/api/v1/members/{ods}/plan/diagram", "RL4").send().json();
        WebElement svg = b.findElement(By.cssSelector("#diagram svg.driver-diagram"));
        assertThat(svg.findElements(By.cssSelector("g.node-aim"))).hasSize(1);
        assertThat(svg.findElements(By.cssSelector("g.node-primary"))).hasSize(diagram.path("primaryDrivers").size());
        assertThat(svg.findElements(By.cssSelector("g.node-secondary"))).hasSize(diagram.path("secondaryDrivers").size());
        assertThat(svg.findElements(By.cssSelector("g.node-change"))).hasSize(diagram.path("changeIdeas").size());
        int links = diagram.path("primaryDrivers").size();
        for (JsonNode s : diagram.path("secondaryDrivers")) {
            links += s.path("primaryKeys").size();
        }
        for (JsonNode c : diagram.path("changeIdeas")) {
            links += c.path("secondaryKeys").size();
        }
        assertThat(svg.findElements(By.cssSelector("path.link"))).hasSize(links);
        JsonNode s1 = diagram.path("secondaryDrivers").get(0);
        assertThat(svg.findElements(By.cssSelector("path.link[data-from='" + s1.path("primaryKeys").get(0).asText()
                + "'][data-to='" + s1.path("key").asText() + "']"))).hasSize(1);

        screenshot(b, "member");
        assertAccessible(b, "member page");

        b.manage().window().setSize(new Dimension(390, 844));
        open(b, "/members/RL4");
        waiting(b).until(d -> "true".equals(d.findElement(By.id("member-page")).getAttribute("data-loaded")));
        Number overflow = (Number) ((JavascriptExecutor) b).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(overflow.intValue()).as("no sideways scrolling of the page on a phone").isLessThanOrEqualTo(0);
        screenshot(b, "member-phone");
        assertAccessible(b, "member page on a phone");

        open(b, "/members/RL4/print");
        waiting(b).until(d -> "true".equals(d.findElement(By.id("member-page")).getAttribute("data-loaded")));
        assertThat(all(b, "details.values[open]")).as("the printable view shows every chart's values").hasSize(5);
        assertThat(b.findElement(By.id("print-link")).isDisplayed()).as("print view hides the page's buttons").isFalse();
        b.manage().window().setSize(new Dimension(1280, 900));
        screenshot(b, "member-print");
    }

    @Test
    void memberPageShowsPdsaCyclesAndChartNotesInWordsAndAnEditorAnnotatesAMonthAndRecordsACycle() throws Exception {
        // demo RL4: change idea C6 tested in cycle 1 (from 2014-10-06, adapt) and cycle 2 (from 2014-11-03, adopt),
        // both linked to falls-per-1000, whose 2014-12 value carries a demo annotation
        JsonNode chart = api.get("/api/v1/members/{ods}/measures/{key}", "RL4", "falls-per-1000").send().json();
        JsonNode notes = chart.path("notes");
        List<String> seen = new ArrayList<>();
        notes.forEach(n -> seen.add(n.path("period").asText() + " " + n.path("changeIdea").asText("") + "#"
                + n.path("cycle").asText("")));
        assertThat(seen).contains("2014-10-01 C6#1", "2014-11-01 C6#2", "2014-12-01 #");

        WebDriver b = browser();
        open(b, "/members/RL4");
        waiting(b).until(d -> "true".equals(d.findElement(By.id("member-page")).getAttribute("data-loaded")));
        List<WebElement> c6 = all(b, "#pdsa article[data-idea='C6'] li.pdsa-cycle");
        assertThat(c6).hasSize(2);
        assertThat(c6.get(0).getText()).contains("Prediction:", "Adapt: test again", "Next: cycle 2");
        assertThat(c6.get(1).getText()).contains("continues cycle 1", "Adopt");
        WebElement falls = b.findElement(By.cssSelector("[data-measure='falls-per-1000']"));
        assertThat(falls.findElements(By.cssSelector("g.chart-notes[data-period='2014-10'] rect.note-pdsa"))).hasSize(1);
        assertThat(falls.findElements(By.cssSelector("g.chart-notes[data-period='2014-12'] circle.note-annotation")))
                .hasSize(1);
        List<WebElement> listed = falls.findElements(By.cssSelector(".chart-notes-list li"));
        assertThat(listed).as("every note in words under the chart").hasSize(notes.size());
        assertThat(listed.stream().map(WebElement::getText)).anyMatch(t -> t.contains("PDSA C6 cycle 1 started"));
        assertAccessible(b, "member page with PDSA cycles and chart notes");
        screenshot(b, "member-pdsa");

        open(b, "/members/RL4/print");
        waiting(b).until(d -> "true".equals(d.findElement(By.id("member-page")).getAttribute("data-loaded")));
        assertThat(b.findElement(By.id("pdsa-cycles")).isDisplayed()).isTrue();
        assertThat(b.findElement(By.cssSelector("[data-measure='falls-per-1000'] .chart-notes-list")).isDisplayed())
                .as("the printable view lists the chart's notes").isTrue();

        // the workspace: a note on a month of RGT's first measure, then a cycle (refused first without a prediction)
        open(b, "/workspace/RGT");
        logIn(b, EDITOR_PASSWORD);
        awaitWorkspace(b);
        String key = new Select(visible(b, "#a-measure")).getFirstSelectedOption().getAttribute("value");
        ((JavascriptExecutor) b).executeScript("document.getElementById('a-period').value = '2015-05'");
        b.findElement(By.id("a-text")).sendKeys("New escalation card on every ward (web test)");
        b.findElement(By.cssSelector("#annotation-form button[type=submit]")).click();
        waiting(b).until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Note saved on 2015-05."));
        JsonNode rgtNotes = api.get("/api/v1/members/{ods}/measures/{key}", "RGT", key).send().json().path("notes");
        List<String> texts = new ArrayList<>();
        rgtNotes.forEach(n -> texts.add(n.path("period").asText() + " " + n.path("text").asText()));
        assertThat(texts).contains("2015-05-01 New escalation card on every ward (web test)");

        WebElement form = visible(b, "#pdsa-new-form");
        new Select(b.findElement(By.id("pdsa-new-idea"))).selectByValue("C5");
        b.findElement(By.id("pdsa-new-plan")).sendKeys("Sepsis grab bags on wards 3 and 4 (web test)");
        b.findElement(By.id("pdsa-new-owner")).sendKeys("Sepsis nurse");
        ((JavascriptExecutor) b).executeScript("document.getElementById('pdsa-new-plannedStart').value = '2015-06-01'");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        assertThat(visible(b, "#pdsa-new-form .field-error").getAttribute("id")).isEqualTo("pdsa-new-prediction-error");
        b.findElement(By.id("pdsa-new-prediction")).sendKeys("Antibiotics within an hour for 90% of patients");
        b.findElement(By.cssSelector("#pdsa-new-form button[type=submit]")).click();
        waiting(b).until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Recorded C5 cycle 1."));
        JsonNode cycles = api.get("/api/v1/members/{ods}/pdsa-cycles", "RGT").send().json();
        List<String> recorded = new ArrayList<>();
        cycles.forEach(c -> recorded.add(c.path("content").path("changeIdea").asText() + "#" + c.path("number").asInt()
                + " " + c.path("content").path("plan").asText()));
        assertThat(recorded).contains("C5#1 Sepsis grab bags on wards 3 and 4 (web test)", "C2#2 Escalation card fixed"
                + " to each machine, and covered at the night handover");
        assertAccessible(b, "workspace with the PDSA and note editors");
    }

    @Test
    void spcChartsMarkProvisionalLimitsAndShowReBasedPhases() throws Exception {
        // a plan whose falls measure is re-based from 2015-09, published, then 10 monthly values
        ObjectNode plan = (ObjectNode) ApiClient.JSON.readTree(Files.readString(Path.of(System.getProperty("example.plan"))));
        ObjectNode falls = (ObjectNode) plan.path("measures").get(0);
        assertThat(falls.path("key").asText()).isEqualTo("falls-per-1000");
        ((ArrayNode) falls.withArray("rebaseFrom")).removeAll().add("2015-09-01");
        assertThat(api.put("/api/v1/members/{ods}/plan", FRESH).as(ADMIN).header("If-None-Match", "*").json(plan)
                .send().status()).isEqualTo(201);
        String etag = api.get("/api/v1/members/{ods}/plan", FRESH).as(ADMIN).send().header("ETag");
        assertThat(api.post("/api/v1/members/{ods}/plan/publish", FRESH).as(ADMIN).ifMatch(etag).send().status())
                .isEqualTo(201);
        double[] values = {10, 12, 11, 13, 12, 5, 6, 5, 7, 7};
        for (int i = 0; i < values.length; i++) {
            String period = java.time.YearMonth.of(2015, 4).plusMonths(i).toString();
            assertThat(api.post("/api/v1/members/{ods}/measures/{key}/measurements", FRESH, "falls-per-1000").as(ADMIN)
                    .json(Map.of("period", period, "value", values[i])).send().status()).isEqualTo(201);
        }

        WebDriver b = browser();
        open(b, "/members/" + FRESH);
        WebElement chart = visible(b, "[data-measure='falls-per-1000'] svg.spc-chart");
        WebElement measure = b.findElement(By.cssSelector("[data-measure='falls-per-1000']"));
        assertThat(chart.findElements(By.cssSelector("circle.spc-point"))).hasSize(10);
        assertThat(chart.findElements(By.cssSelector("line.spc-mean"))).hasSize(2);
        assertThat(chart.findElements(By.cssSelector("line.spc-limit"))).hasSize(4);
        assertThat(chart.findElements(By.cssSelector("line.spc-rebase"))).hasSize(1);
        assertThat(measure.findElement(By.cssSelector(".provisional-note")).getText()).contains("Provisional limits");
        // by hand: phase 1 (Apr–Aug) 10, 12, 11, 13, 12: mean 11.6, moving ranges 2, 1, 2, 1 (mean 1.5), limits
        // 11.6 ± 3.99 = 7.61 to 15.59; phase 2 (Sep–Jan) 5, 6, 5, 7, 7: mean 6, moving ranges 1, 1, 2, 0 (mean 1),
        // limits 6 ± 2.66 = 3.34 to 8.66
        ((JavascriptExecutor) b).executeScript("document.querySelectorAll('details.values').forEach(d => d.open = true)");
        List<WebElement> rows = measure.findElements(By.cssSelector("details.values tbody tr"));
        assertThat(rows.get(0).getText()).contains("Apr 2015").contains("11.6").contains("7.61 to 15.59");
        assertThat(rows.get(9).getText()).contains("Jan 2016").contains("6").contains("3.34 to 8.66");
        screenshot(b, "member-provisional");
    }

    @Test
    void pAndTChartsDrawTheirOwnLimitsAxesRulesAndATargetTrajectory() throws Exception {
        WebDriver b = browser();
        open(b, "/members/REP");
        waiting(b).until(d -> "true".equals(d.findElement(By.id("member-page")).getAttribute("data-loaded")));
        WebElement tears = b.findElement(By.cssSelector("[data-measure='third-fourth-degree-tears']"));
        WebElement p = tears.findElement(By.cssSelector("svg.spc-chart"));
        // the demo p chart: 36 months; its limits move with each month's vaginal births, so they are drawn as steps
        assertThat(p.findElements(By.cssSelector("circle.spc-point"))).hasSize(36);
        assertThat(p.findElements(By.cssSelector("path.spc-limit.spc-varying"))).hasSize(2);
        assertThat(p.findElements(By.cssSelector("line.spc-limit"))).isEmpty();
        // the demo trajectory: 0.05, then 0.04 from April 2015 and 0.035 from April 2016, one stepped line
        assertThat(p.findElements(By.cssSelector("path.spc-target-steps"))).hasSize(1);
        assertThat(p.findElements(By.cssSelector("text.spc-target-label"))).extracting(WebElement::getText)
                .containsExactly("Target 0.05", "Target 0.04", "Target 0.035");
        assertThat(tears.findElement(By.cssSelector(".spc-type")).getText()).startsWith("p chart")
                .contains("Rules: MDC 2023-11 (run 7, trend 7, firm limits from 13 points");
        assertThat(tears.findElement(By.cssSelector(".spc-varying-note")).getText())
                .startsWith("Why the limits move:");
        assertThat(tears.findElement(By.cssSelector(".spc-trajectory")).getText())
                .contains("judged against the target in force at the latest point, 0.035");
        ((JavascriptExecutor) b).executeScript("document.querySelectorAll('details.values').forEach(d => d.open = true)");
        // April 2014: 17 of 343 = 0.0496; p-bar 474 / 13559; limits 0.00521 to 0.0647 (DemoChartExamplesTest)
        assertThat(tears.findElements(By.cssSelector("details.values tbody tr")).get(0).getText())
                .contains("Apr 2014", "0.0496", "17 of 343", "0.00521 to 0.0647", "0.05");
        screenshot(b, "p-chart");

        open(b, "/members/RX7");
        waiting(b).until(d -> "true".equals(d.findElement(By.id("member-page")).getAttribute("data-loaded")));
        WebElement days = b.findElement(By.cssSelector("[data-measure='days-between-severe-harm']"));
        WebElement t = days.findElement(By.cssSelector("svg.spc-chart"));
        // the demo T chart: 16 incidents, each on its own date, axes titled with what they count
        assertThat(t.findElements(By.cssSelector("circle.spc-point"))).hasSize(16);
        assertThat(t.findElements(By.cssSelector("circle[data-period='2014-04-09']"))).hasSize(1);
        assertThat(t.findElements(By.cssSelector("text.spc-axis-title"))).extracting(WebElement::getText)
                .containsExactly("Days between events", "Date of each event");
        assertThat(t.findElements(By.cssSelector("line.spc-limit"))).hasSize(2);
        assertThat(days.findElement(By.cssSelector(".spc-type")).getText()).startsWith("T chart");
        screenshot(b, "t-chart");
    }

    // --- the workspace -----------------------------------------------------------------------------------------------

    @Test
    void editorLogsInWithTheFormThenAddsEditsAndPublishesAnAction() throws Exception {
        WebDriver b = browser();
        open(b, "/workspace/RGT");
        visible(b, "#login-form");
        assertAccessible(b, "login form");

        logIn(b, "not-the-password");
        assertThat(visible(b, "#login-form .error-summary").getText()).contains("The user name or password is wrong.");
        assertThat(b.getCurrentUrl()).as("no browser Basic popup, still the page").endsWith("/workspace/RGT");

        logIn(b, EDITOR_PASSWORD);
        awaitWorkspace(b);
        assertThat(b.findElement(By.id("editor")).isDisplayed()).isTrue();
        assertThat(b.findElement(By.id("session-user")).getText()).isEqualTo("Logged in as " + EDITOR);
        assertThat(b.manage().getCookieNamed("safety_session")).isNotNull()
                .satisfies(c -> assertThat(c.isHttpOnly()).isTrue())
                .satisfies(c -> assertThat(c.getSameSite()).isEqualTo("Strict"));

        // an action without text: the error appears beside the field, nothing is added
        int before = all(b, ".action-card").size();
        WebElement owner = b.findElement(By.id("new-action-ownerRole"));
        owner.sendKeys("Chief Nurse");
        b.findElement(By.cssSelector("#new-action-form button[type=submit]")).click();
        WebElement error = visible(b, "#new-action-form .field-error");
        assertThat(error.getAttribute("id")).isEqualTo("new-action-text-error");
        assertThat(b.findElement(By.id("new-action-text")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(all(b, ".action-card")).hasSize(before);
        screenshot(b, "workspace-error");

        String text = "Ward safety huddle every morning, reviewed monthly by the board (web test)";
        b.findElement(By.id("new-action-text")).sendKeys(text);
        b.findElement(By.cssSelector("#new-action-form button[type=submit]")).click();
        waiting(b).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".action-card"), before + 1));
        WebElement card = all(b, ".action-card").get(before);
        String id = card.getAttribute("data-action-id");
        assertThat(card.getText()).contains("draft");
        assertThat(http("/api/v1/members/RGT/actions").body()).as("a draft is not public").doesNotContain(text);

        WebElement area = card.findElement(By.cssSelector("textarea"));
        area.sendKeys(" and at weekends");
        card.findElement(By.cssSelector("button[data-action=save]")).click();
        waiting(b).until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Action " + id + " saved."));
        card.findElement(By.cssSelector("button[data-action=publish]")).click();
        waiting(b).until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "published"));
        screenshot(b, "workspace");
        assertAccessible(b, "workspace");

        open(b, "/members/RGT");
        waiting(b).until(ExpectedConditions.textToBePresentInElementLocated(By.id("pledges"), text + " and at weekends"));
    }

    @Test
    void aStaleEditShowsTheConflictKeepsWhatWasTypedAndCanSaveItOverTheNewVersion() throws Exception {
        WebDriver first = browser();
        WebDriver second = browser();
        for (WebDriver b : List.of(first, second)) {
            open(b, "/workspace/RGT");
            logIn(b, EDITOR_PASSWORD);
            awaitWorkspace(b);
        }
        String id = first.findElement(By.cssSelector(".action-card")).getAttribute("data-action-id");
        String card = ".action-card[data-action-id='" + id + "']";

        WebElement mine = first.findElement(By.cssSelector(card + " textarea"));
        mine.clear();
        mine.sendKeys("First editor's wording");
        first.findElement(By.cssSelector(card + " button[data-action=save]")).click();
        waiting(first).until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "saved"));

        WebElement theirs = second.findElement(By.cssSelector(card + " textarea"));
        theirs.clear();
        theirs.sendKeys("Second editor's wording, typed on a stale page");
        second.findElement(By.cssSelector(card + " button[data-action=save]")).click();
        WebElement conflict = visible(second, card + " .conflict");
        assertThat(conflict.getText()).contains("Someone else changed this while you were editing")
                .contains("First editor's wording");
        assertThat(second.findElement(By.cssSelector(card + " textarea")).getAttribute("value"))
                .as("what the second editor typed is kept").isEqualTo("Second editor's wording, typed on a stale page");
        screenshot(second, "workspace-conflict");
        assertAccessible(second, "workspace with a conflict");
        assertThat(api.get("/api/v1/members/{ods}/actions", "RGT").as(ADMIN).send().json().findValuesAsText("text"))
                .contains("First editor's wording").doesNotContain("Second editor's wording, typed on a stale page");

        conflict.findElement(By.cssSelector("button[data-conflict=keep-mine]")).click();
        waiting(second).until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "saved"));
        assertThat(api.get("/api/v1/members/{ods}/actions", "RGT").as(ADMIN).send().json().findValuesAsText("text"))
                .contains("Second editor's wording, typed on a stale page").doesNotContain("First editor's wording");
    }

    @Test
    void editorEditsTheDriverDiagramPublishesANewPlanVersionAndRecordsAMeasurement() throws Exception {
        WebDriver b = browser();
        open(b, "/workspace/RGT");
        logIn(b, EDITOR_PASSWORD);
        awaitWorkspace(b);
        int versions = api.get("/api/v1/members/{ods}/plan/versions", "RGT").send().json().size();

        // a change idea linked to a secondary driver that does not exist: the error is shown beside the links field
        b.findElement(By.xpath("//button[text()='Add a change idea']")).click();
        List<WebElement> rows = all(b, ".row-item[data-kind=change]");
        WebElement row = rows.get(rows.size() - 1);
        row.findElement(By.cssSelector(".row-key")).sendKeys("C99");
        row.findElement(By.cssSelector(".row-text")).sendKeys("Sepsis trolley on every ward (web test)");
        row.findElement(By.cssSelector(".row-links")).sendKeys("S404");
        b.findElement(By.id("plan-save")).click();
        WebElement error = visible(b, "#plan-form .field-error");
        assertThat(error.getText()).contains("S404");
        assertThat(row.findElement(By.cssSelector(".row-links")).getAttribute("aria-invalid")).isEqualTo("true");

        WebElement links = row.findElement(By.cssSelector(".row-links"));
        links.clear();
        links.sendKeys("S1");
        // a measure's target that is not a number: the error is beside that measure's target field
        String measureKey = b.findElement(By.cssSelector("#measure-rows fieldset:first-child input[id$='-key']"))
                .getAttribute("value");
        WebElement target = b.findElement(By.cssSelector("#measure-rows fieldset:first-child input[id$='-target']"));
        target.clear();
        target.sendKeys("half");
        b.findElement(By.id("plan-save")).click();
        visible(b, "#" + target.getAttribute("id") + "-error");
        assertThat(target.getAttribute("aria-invalid")).isEqualTo("true");
        target.clear();
        target.sendKeys("0.5");
        waiting(b).until(d -> !d.findElements(By.cssSelector("#diagram-preview g.node-change[data-key='C99']")).isEmpty());
        b.findElement(By.id("plan-save")).click();
        waiting(b).until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Plan saved"));
        b.findElement(By.id("plan-publish")).click();
        waiting(b).until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"),
                "Version " + (versions + 1) + " published"));

        // a measurement: without a month the error is beside the month field; then recorded
        Select measure = new Select(b.findElement(By.id("m-measure")));
        String key = measure.getFirstSelectedOption().getAttribute("value");
        b.findElement(By.id("m-value")).sendKeys("1.25");
        b.findElement(By.cssSelector("#measurement-form button[type=submit]")).click();
        assertThat(visible(b, "#measurement-form .field-error").getAttribute("id")).isEqualTo("m-period-error");
        ((JavascriptExecutor) b).executeScript("document.getElementById('m-period').value = '2017-04'");
        b.findElement(By.cssSelector("#measurement-form button[type=submit]")).click();
        waiting(b).until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Recorded 1.25 for 2017-04."));
        JsonNode points = api.get("/api/v1/members/{ods}/measures/{key}", "RGT", key).send().json().path("spc")
                .path("points");
        assertThat(points.get(points.size() - 1).path("period").asText()).isEqualTo("2017-04-01");
        assertThat(points.get(points.size() - 1).path("value").asDouble()).isEqualTo(1.25);

        open(b, "/members/RGT");
        WebElement idea = visible(b, "#diagram svg.driver-diagram g.node-change[data-key='C99']");
        assertThat(idea.getText()).contains("Sepsis trolley");
        assertThat(all(b, "path.link[data-from='S1'][data-to='C99']")).hasSize(1);
        assertThat(all(b, "#versions-table tbody tr")).hasSize(versions + 1);
        assertThat(b.findElement(By.cssSelector("[data-measure='" + measureKey + "'] .measure-facts")).getText())
                .contains("target 0.5");

        // the version history: an earlier version is shown as it was, with a note that it is not the latest
        b.findElement(By.cssSelector("#versions-table a[aria-label='Version " + versions + "']")).click();
        assertThat(visible(b, "#version-banner .notice").getText())
                .contains("You are looking at version " + versions + " of the plan, not the latest.");
        visible(b, "#diagram svg.driver-diagram");
        assertThat(all(b, "#diagram g.node-change[data-key='C99']")).isEmpty();
    }

    // --- partner pages -----------------------------------------------------------------------------------------------

    @Test
    void theCqcEvidencePageAppearsWithItsFeatureAndVanishesWithout() throws Exception {
        WebDriver b = browser();
        open(b, "/members/RGT");
        assertThat(visible(b, "#partner-pages-none").getText()).isEqualTo("No partner pages are installed.");

        karaf.console("feature:install safety-partner-cqc");
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(300)).ignoreExceptions()
                .until(() -> http("/members/RGT/partners/cqc-evidence").statusCode() == 200);
        open(b, "/members/RGT");
        visible(b, "a[data-partner-page='cqc-evidence']").click();
        waiting(b).until(ExpectedConditions.titleContains("CQC evidence summary"));
        assertThat(b.findElement(By.tagName("h1")).getText()).isEqualTo("CQC evidence summary");
        // the CQC 2023 framework: 5 key questions, 34 quality statements
        assertThat(all(b, ".cqc-key-question")).hasSize(5);
        assertThat(all(b, "tr[data-statement]")).hasSize(34);
        screenshot(b, "partner-cqc");
        assertAccessible(b, "CQC evidence page");

        karaf.console("feature:uninstall safety-partner-cqc");
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(300)).ignoreExceptions()
                .until(() -> http("/members/RGT/partners/cqc-evidence").statusCode() == 404);
        open(b, "/members/RGT");
        visible(b, "#partner-pages-none");
        assertThat(all(b, "a[data-partner-page]")).isEmpty();
    }

    // --- plain HTTP --------------------------------------------------------------------------------------------------

    @Test
    void servesEveryPageWithTheBundlesOwnScriptsUnderAStrictContentSecurityPolicy() throws Exception {
        for (String path : List.of("/", "/members", "/members/RGT", "/workspace")) {
            HttpResponse<String> page = http(path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Security-Policy")).as(path).hasValueSatisfying(csp ->
                    assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe-inline"));
            assertThat(page.body()).as(path).doesNotContainPattern("<script>|<style|https?://(?!localhost)[a-z]+\\.");
        }
        assertThat(http("/members/NOPE1").statusCode()).isEqualTo(404);
        assertThat(http("/api/health").statusCode()).as("the API keeps its own servlets").isEqualTo(200);
    }
}
