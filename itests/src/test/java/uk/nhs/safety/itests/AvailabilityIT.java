package uk.nhs.safety.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.h2.tools.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform through configuration changes and database failure, on the built distribution: its database lives in
 * an H2 TCP server that the test stops and starts (the datasource is the one the feature ships, pointed at that
 * server). One distribution for the class; the tests run in order and each leaves the platform up for the next.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AvailabilityIT {

    /** The member the demo data always has. */
    private static final String MEMBER = "RGT";
    private static final Duration RECOVERY = Duration.ofSeconds(45);

    private Path workDir;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private KarafProcess karaf;
    private int dbPort;
    private Path dbDir;
    private Server database;

    @BeforeAll
    void unpackWithTheDatabaseInATcpServer(@TempDir Path dir) throws Exception {
        workDir = dir;
        karaf = KarafProcess.unpack(Path.of(System.getProperty("distribution.archive")), workDir);
        dbPort = KarafTestSupport.freePort();
        dbDir = Files.createDirectories(workDir.resolve("db"));
        Files.writeString(karaf.home().resolve("etc/org.ops4j.datasource-safety.cfg"), datasourceConfig());
    }

    @AfterAll
    void stopEverything() throws Exception {
        try {
            karaf.stop();
        } finally {
            stopDatabase();
            // The work directory goes with the test: keep the log for a look after a failure.
            Path log = karaf.home().resolve("data/log/karaf.log");
            if (Files.exists(log)) {
                Files.copy(log, Path.of("target", "AvailabilityIT-karaf.log"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    @Test
    @Order(1)
    void startsWhileTheDatabaseIsUnreachableAndComesUpByItselfWhenItAnswers() throws Exception {
        karaf.start();

        // No database server yet: every route answers, with 503.
        HttpResponse<String> health = await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions().until(() -> get("/api/health"), r -> r.statusCode() == 503);
        assertThat(health.body()).contains("\"status\":\"DOWN\"", "the campaign store is not available");
        assertUnavailable();

        startDatabase(dbDir);

        awaitUp();
        assertThat(get("/members/" + MEMBER).statusCode()).isEqualTo(200);
        // The first attempt may still be waiting for a connection when the server starts, and then succeed.
        assertThat(occurrences(karaf.log(), "The campaign store cannot be opened: ")).as("logged once at most, not"
                + " per attempt").isLessThanOrEqualTo(1);
        // Let the demo seeding finish before the next test takes the database away.
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                .until(() -> karaf.log().contains("Seeded demo data"));
    }

    private static int occurrences(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    @Order(2)
    void answers503WhileTheDatabaseIsDownAndRecoversByItselfWhenItReturns() throws Exception {
        stopDatabase();
        try {
            await().atMost(RECOVERY).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .until(() -> get("/api/health").statusCode() == 503);
            assertThat(get("/api/health").body()).contains("\"status\":\"DOWN\"",
                    "the campaign database does not answer");
            assertUnavailable();
            // bin/client -b drops what a command prints on standard error, so the console's one-line error
            // ("Error: the campaign database does not answer: ...") is not checked here; no stack trace either way.
            assertThat(karaf.console("safety:member-list --limit 1")).doesNotContain("\tat ");
        } finally {
            startDatabase(dbDir);
        }

        awaitUp();
        assertThat(get("/members/" + MEMBER).statusCode()).isEqualTo(200);
        assertThat(karaf.log()).containsOnlyOnce("The campaign database does not answer")
                .containsOnlyOnce("The campaign database answers again");
    }

    @Test
    @Order(3)
    void configurationChangesUnderLoadFailNoRequestAndApplyToTheNext() throws Exception {
        List<String> paths = List.of("/api/v1/members?limit=1", "/api/v1/members/" + MEMBER, "/api/health",
                "/members/" + MEMBER, "/");
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong requests = new AtomicLong();
        Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
        int threads = 4;
        CountDownLatch started = new CountDownLatch(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> loops = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int offset = t;
            loops.add(pool.submit(() -> {
                started.countDown();
                for (int i = offset; running.get(); i++) {
                    String path = paths.get(i % paths.size());
                    String outcome;
                    try {
                        int status = get(path).statusCode();
                        outcome = status == 200 ? null : status + " " + path;
                    } catch (Exception e) {
                        outcome = e.getClass().getSimpleName() + " " + path;
                    }
                    requests.incrementAndGet();
                    if (outcome != null) {
                        failures.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
                    }
                }
                return null;
            }));
        }
        started.await();
        int[] maxAges = {11, 12, 13};
        // The API's own PID, and the PIDs of components the servlets reference (store, sessions, authentication).
        try {
            for (int maxAge : maxAges) {
                karaf.console("config:property-set -p uk.nhs.safety.campaign.rest anonymousMaxAgeSeconds " + maxAge
                        + "\nconfig:property-set -p uk.nhs.safety.campaign.store retryMaxSeconds " + (maxAge - 5)
                        + "\nconfig:property-set -p uk.nhs.safety.campaign.rest.session idleMinutes " + (maxAge + 20)
                        + "\nconfig:property-set -p uk.nhs.safety.campaign.rest.security windowSeconds "
                        + (maxAge + 300));
                long before = requests.get();
                // Let the loop run across the change (the 404 window measured before this fix was about 5 s).
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                        .until(() -> requests.get() > before + 200);
            }
        } finally {
            running.set(false);
            for (Future<?> loop : loops) {
                loop.get(1, TimeUnit.MINUTES);
            }
            pool.shutdown();
        }

        System.out.printf("AvailabilityIT: %d requests across %d configuration changes, failed: %s%n",
                requests.get(), 4 * maxAges.length, failures);
        assertThat(failures).as("failed requests out of " + requests.get()).isEmpty();
        assertThat(requests.get()).isGreaterThan(800);
        HttpResponse<String> read = get("/api/v1/members?limit=1");
        assertThat(read.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v)
                .contains("max-age=" + maxAges[maxAges.length - 1]));
        assertThat(karaf.log()).contains("HTTP API settings changed", "Campaign store settings changed");
    }

    @Test
    @Order(4)
    void refusesAnEmptyDatabaseAfterHoldingDataUntilExplicitlyAllowed() throws Exception {
        karaf.stop();
        stopDatabase();
        Path empty = Files.createDirectories(workDir.resolve("empty-db"));
        startDatabase(empty);

        karaf.start();

        HttpResponse<String> health = await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions().until(() -> get("/api/health"),
                        r -> r.statusCode() == 503 && r.body().contains("the database is empty"));
        assertThat(health.body()).contains("this node has held data in database", "allowNewDatabase=true");
        assertUnavailable();
        assertThat(tablesIn("campaign")).as("nothing migrated, nothing seeded").isZero();
        String log = karaf.log();
        assertThat(log).containsOnlyOnce("The campaign store refuses to start");

        karaf.console("config:property-set -p uk.nhs.safety.campaign.store allowNewDatabase true");

        awaitUp();
        assertThat(tablesIn("campaign")).isPositive();
    }

    private void assertUnavailable() throws Exception {
        HttpResponse<String> api = get("/api/v1/members/" + MEMBER);
        assertThat(api.statusCode()).isEqualTo(503);
        assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(v ->
                assertThat(v).startsWith("application/problem+json"));
        assertThat(api.headers().firstValue("Retry-After")).hasValueSatisfying(v ->
                assertThat(Long.parseLong(v)).isPositive());
        assertThat(api.body()).contains("\"status\":503", "/problems/unavailable");

        HttpResponse<String> page = get("/members/" + MEMBER);
        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(v ->
                assertThat(v).startsWith("text/html"));
        assertThat(page.headers().firstValue("Retry-After")).isPresent();
        assertThat(page.body()).contains("Service unavailable");

        HttpResponse<String> health = get("/api/health");
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(health.body()).contains("\"status\":\"DOWN\"");
    }

    private void awaitUp() {
        // Polled every 200 ms, busier than HikariCP's 500 ms without re-checking a pooled connection: the store empties
        // the pool when the database stops answering (PoolReset), so no connection the outage broke comes back.
        await().atMost(RECOVERY).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> get("/api/health").statusCode() == 200
                        && get("/api/v1/members?limit=1").statusCode() == 200);
        // The demo data arrives on its own thread once the store is up.
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> get("/api/v1/members/" + MEMBER).statusCode() == 200);
    }

    private HttpResponse<String> get(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(karaf.httpBase().resolve(path)).timeout(Duration.ofSeconds(20))
                .GET().build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private void startDatabase(Path baseDir) throws Exception {
        database = Server.createTcpServer("-tcpPort", Integer.toString(dbPort), "-ifNotExists", "-baseDir",
                baseDir.toString()).start();
    }

    private void stopDatabase() {
        if (database != null) {
            database.stop();
            database = null;
        }
    }

    /** Tables in the PUBLIC schema of the server's database {@code name}. */
    private long tablesIn(String name) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:tcp://127.0.0.1:" + dbPort + "/" + name, "sa", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(
                     "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'PUBLIC'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * The datasource configuration the feature ships (its pool settings are part of what is tested), with the URL
     * pointed at the test's server.
     */
    private String datasourceConfig() throws Exception {
        String feature = Files.readString(Path.of("..", "features", "src", "main", "feature", "feature.xml"));
        Matcher block = Pattern.compile("<config name=\"org\\.ops4j\\.datasource-safety\"[^>]*>(.*?)</config>",
                Pattern.DOTALL).matcher(feature);
        assertThat(block.find()).as("the feature's datasource configuration").isTrue();
        StringBuilder cfg = new StringBuilder();
        for (String line : block.group(1).lines().map(String::strip).toList()) {
            if (line.startsWith("url =")) {
                line = "url = jdbc:h2:tcp://127.0.0.1:" + dbPort + "/campaign";
            }
            cfg.append(line).append('\n');
        }
        assertThat(cfg).contains("hikari.initializationFailTimeout");
        return cfg.toString();
    }
}
