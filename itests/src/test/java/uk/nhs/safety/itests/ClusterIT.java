package uk.nhs.safety.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import uk.nhs.safety.itests.ApiClient.Caller;
import uk.nhs.safety.itests.ApiClient.Response;
import uk.nhs.safety.partner.testkit.PostgresServer;

/**
 * Two distribution nodes on one PostgreSQL behind a round-robin load balancer, started together on an empty database
 * as a new operator would: migrated and seeded once, a web session and a partner token work on both nodes, a write on
 * one is read on the other, and a node killed with SIGKILL during a claims import or while plans are being published
 * leaves the other serving, with the database holding the old state or the new, never half.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final Caller ADMIN = Caller.basic("admin", "admin");
    private static final Caller EDITOR = Caller.basic("cluster-editor", "cluster-secret");
    private static final String SESSION = "/api/v1/session";
    private static final String PLAN = "/api/v1/members/{ods}/plan";
    private static final String PLAN_PUBLISH = "/api/v1/members/{ods}/plan/publish";
    private static final String ACTIONS = "/api/v1/members/{ods}/actions";
    private static final String HEADER = "claim_reference,ods_code,scheme,specialty,cause,injury,incident_date,"
            + "notification_date,status,damages_paid,defence_costs,claimant_costs\n";
    private static final Pattern TOTAL = Pattern.compile("national, financial years [^:]*: (\\d+) claims");
    private static final int OLD_CLAIMS = 3;
    private static final int LARGE_IMPORT = 1_000_000;
    /** Clients of the load that runs through the balancer while a node is killed: at most this many in flight. */
    private static final int LOAD_CLIENTS = 4;

    private PostgresServer postgres;
    private DataSource database;
    private KarafProcess a;
    private KarafProcess b;
    private RoundRobinProxy balancer;
    private ApiClient onA;
    private ApiClient onB;
    private ApiClient viaBalancer;
    private final List<String> figures = new ArrayList<>();

    @BeforeAll
    void startTwoNodesTogether() throws Exception {
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "cluster-it");
        postgres = PostgresServer.start();
        String name = postgres.createDatabase();
        database = postgres.dataSource(name);
        a = node(dir.resolve("a"), postgres.url(name));
        b = node(dir.resolve("b"), postgres.url(name));
        CompletableFuture.allOf(CompletableFuture.runAsync(() -> start(a)), CompletableFuture.runAsync(() -> start(b)))
                .get();
        OpenApiValidator validator = OpenApiValidator.of(OpenApiValidator.repositoryDocument());
        onA = new ApiClient(a.httpBase(), validator);
        onB = new ApiClient(b.httpBase(), validator);
        // RV5 is the last demo member seeded: its plan means the demo data is complete
        for (ApiClient node : List.of(onA, onB)) {
            await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                    .until(() -> node.get(PLAN, "RV5").as(ADMIN).send().status() == 200);
        }
        balancer = RoundRobinProxy.start(List.of(a.httpBase(), b.httpBase()));
        viaBalancer = new ApiClient(balancer.base(), validator);
    }

    private KarafProcess node(Path dir, String url) throws Exception {
        KarafProcess node = KarafProcess.unpack(Path.of(System.getProperty("distribution.archive")),
                Files.createDirectories(dir));
        node.usePostgresql(url, postgres.user(), postgres.password());
        // the realm is each node's etc/users.properties: operators keep it the same on every node
        node.addUser("cluster-editor", "cluster-secret", "member-editor", "member:RGT");
        return node;
    }

    private static void start(KarafProcess node) {
        try {
            node.start();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterAll
    void stopEverything() throws Exception {
        System.out.println("ClusterIT figures:\n  " + String.join("\n  ", figures));
        try {
            if (balancer != null) {
                balancer.close();
            }
        } finally {
            try {
                for (KarafProcess node : new KarafProcess[] {a, b}) {
                    if (node != null) {
                        node.stop();
                    }
                }
            } finally {
                if (postgres != null) {
                    postgres.close();
                }
            }
        }
    }

    @Test
    @Order(1)
    void startedTogetherOnAnEmptyDatabaseTheNodesMigrateAndSeedOnceWithoutAnError() throws Exception {
        assertThat(count("SELECT COUNT(*) FROM member")).isEqualTo(241);
        assertThat(count("SELECT COUNT(*) FROM schema_version"))
                .isEqualTo(count("SELECT COUNT(DISTINCT version) FROM schema_version")).isPositive();
        assertThat(a.log()).doesNotContain("| ERROR |");
        assertThat(b.log()).doesNotContain("| ERROR |");
    }

    @Test
    @Order(2)
    void aWebSessionStartedOnOneNodeWorksOnBothAndLogoutEndsItOnBoth() {
        Response login = onA.post(SESSION).header("X-Requested-With", "ClusterIT")
                .json(Map.of("user", "cluster-editor", "password", "cluster-secret")).send();
        assertThat(login.status()).as(login.body()).isEqualTo(201);
        String cookie = login.header("Set-Cookie").substring(0, login.header("Set-Cookie").indexOf(';'));

        assertThat(authenticated(onB, cookie)).isTrue();
        for (int i = 0; i < 6; i++) {
            assertThat(authenticated(viaBalancer, cookie)).as("request %d through the balancer", i).isTrue();
        }
        Response logout = onB.delete(SESSION).header("Cookie", cookie).header("X-Requested-With", "ClusterIT")
                .send();
        assertThat(logout.status()).as(logout.body()).isIn(200, 204);

        assertThat(authenticated(onA, cookie)).isFalse();
        assertThat(authenticated(onB, cookie)).isFalse();
    }

    @Test
    @Order(3)
    void aPartnerTokenCreatedOnOneNodeWorksOnBoth() throws Exception {
        installNhsla();
        String secret = secretOf(a.console("safety:token-create nhsla ClusterIT"));
        Caller token = Caller.bearer("nhsla token", secret);

        for (ApiClient node : List.of(onA, onB)) {
            Response r = node.get("/api/v1/partners/{partnerId}/{partnerPath}", "nhsla", "allocation").as(token)
                    .send();
            assertThat(r.status()).as(node.base() + ": " + r.body()).isEqualTo(200);
        }
    }

    @Test
    @Order(4)
    void aWriteOnOneNodeIsReadOnTheOther() {
        String text = "Cluster action " + System.nanoTime();
        ObjectNode action = ApiClient.JSON.createObjectNode().put("pledge", 2).put("text", text)
                .put("ownerRole", "Director of Nursing").put("dueDate", "2016-03-31").put("status", "planned");
        Response added = onA.post(ACTIONS, "RGT").as(EDITOR).json(action).send();
        assertThat(added.status()).as(added.body()).isEqualTo(201);

        Response read = onB.get(ACTIONS, "RGT").as(EDITOR).send();
        assertThat(read.json().findValuesAsText("text")).contains(text);
    }

    @Test
    @Order(5)
    void anEventPublishedOnOneNodeIsHandledOnceByAPartnerInstalledOnBoth() throws Exception {
        for (KarafProcess node : List.of(a, b)) {
            node.console("feature:install safety-partner-cqc");
        }
        String title = "Cluster event plan " + System.nanoTime();
        Response plan = onA.get(PLAN, "RGT").as(ADMIN).send();
        ObjectNode content = plan.json().path("content").deepCopy();
        content.put("title", title);
        Response saved = onA.put(PLAN, "RGT").as(ADMIN).ifMatch(plan.etag()).json(content).send();
        Response published = onA.post(PLAN_PUBLISH, "RGT").as(ADMIN).ifMatch(saved.etag()).send();
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        long version = published.json().path("number").asLong();

        // the timeline replays the log from its start (CQC installed after the demo data) and then hears of this one
        String summary = "Safety improvement plan version " + version + " published by admin";
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200)).until(() -> count(
                "SELECT COUNT(*) FROM cqc_timeline WHERE summary = '" + summary + "'") == 1);
        String topics = "('uk/nhs/safety/campaign/plan/PUBLISHED', 'uk/nhs/safety/campaign/pledge/ACTIONS_PUBLISHED')";
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200)).until(() ->
                count("SELECT COUNT(*) FROM cqc_timeline") == count("SELECT COUNT(*) FROM event_log WHERE topic IN "
                        + topics));
        long events = count("SELECT COUNT(*) FROM cqc_timeline");
        long deliveries = count("SELECT SUM(deliveries) FROM cqc_timeline");
        figures.add("events: " + events + " publications delivered to the CQC timeline installed on both nodes, "
                + (deliveries - events) + " duplicate deliveries; nodes that handled them: "
                + count("SELECT COUNT(DISTINCT handled_by) FROM cqc_timeline"));
        assertThat(deliveries).as("every event handled once by the cluster").isEqualTo(events);
        assertThat(onB.get("/api/v1/partners/{partnerId}/{partnerPath}", "cqc", "timeline/RGT").as(ADMIN).send()
                .json().findValuesAsText("summary")).contains(summary);
        assertThat(b.console("safety:event-subscribers")).contains("cqc-evidence-timeline");
    }

    @Test
    @Order(10)
    void aNodeKilledDuringAClaimsImportLeavesTheOtherServingAndTheClaimsWholeOrUntouched() throws Exception {
        installNhsla();
        Path old = a.importFolder().resolve("old.csv");
        Files.writeString(old, HEADER + claims("OLD/", OLD_CLAIMS));
        Path large = a.importFolder().resolve("large.csv");
        try (BufferedWriter w = Files.newBufferedWriter(large)) {
            w.write(HEADER);
            for (int from = 1; from <= LARGE_IMPORT; from += 100_000) {
                w.write(claims("NEW/", from, Math.min(LARGE_IMPORT, from + 99_999)));
            }
        }
        assertThat(a.console("nhsla:import " + old)).contains("Created");
        assertThat(total(b)).isEqualTo(OLD_CLAIMS);

        try (Load load = new Load(viaBalancer)) {
            CompletableFuture<String> importing = CompletableFuture.supplyAsync(() -> console(a, "nhsla:import "
                    + large));
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20))
                    .until(() -> importing.isDone() || activeStatements("nhsla_claim") > 0);
            assertThat(importing).as("the import must still be running when the node is killed").isNotDone();
            a.kill();
            long servedByB = balancer.served(1);
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(100))
                    .until(() -> balancer.served(1) >= servedByB + 200);
            load.stop();
            figures.add("import kill: " + load.report());
            assertThat(load.failures()).as(load.failureSamples().toString()).isLessThanOrEqualTo(LOAD_CLIENTS);
        }
        assertThat(total(b)).as("claims after the kill: the old state or the new one")
                .isIn((long) OLD_CLAIMS, (long) OLD_CLAIMS + LARGE_IMPORT);
        restart(a, onA);
    }

    @Test
    @Order(11)
    void aNodeKilledWhilePublishingPlansLeavesTheOtherServingAndEveryPlanWhole() throws Exception {
        AtomicBoolean publishing = new AtomicBoolean(true);
        AtomicLong published = new AtomicLong();
        ExecutorService publisher = Executors.newSingleThreadExecutor();
        try (Load load = new Load(viaBalancer)) {
            Future<?> loop = publisher.submit(() -> {
                for (int i = 0; publishing.get(); i++) {
                    try {
                        Response plan = onA.get(PLAN, "RGT").as(ADMIN).send();
                        ObjectNode content = plan.json().path("content").deepCopy();
                        content.put("title", "Cluster plan " + i);
                        Response saved = onA.put(PLAN, "RGT").as(ADMIN).ifMatch(plan.etag()).json(content).send();
                        Response done = onA.post(PLAN_PUBLISH, "RGT").as(ADMIN).ifMatch(saved.etag()).send();
                        if (done.status() == 201) {
                            published.incrementAndGet();
                        }
                    } catch (RuntimeException killed) {
                        return; // the node died under the request
                    }
                }
            });
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(10)).until(() -> published.get() >= 5);
            a.kill();
            publishing.set(false);
            loop.get();
            long servedByB = balancer.served(1);
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(100))
                    .until(() -> balancer.served(1) >= servedByB + 200);
            load.stop();
            figures.add("publish kill: " + published.get() + " plans published before the kill; " + load.report());
            assertThat(load.failures()).as(load.failureSamples().toString()).isLessThanOrEqualTo(LOAD_CLIENTS);
        } finally {
            publisher.shutdownNow();
        }
        // every publication whole: the plan's published version, its version row and its audit entry together
        long versions = count("SELECT COUNT(*) FROM plan_version WHERE ods_code = 'RGT'");
        assertThat(count("SELECT published_version FROM plan WHERE ods_code = 'RGT'"))
                .isEqualTo(count("SELECT MAX(version_number) FROM plan_version WHERE ods_code = 'RGT'"));
        assertThat(count("SELECT COUNT(*) FROM audit WHERE ods_code = 'RGT' AND action = 'plan.published'"))
                .isEqualTo(versions);
        assertThat(onB.get(PLAN, "RGT").as(ADMIN).send().json().path("publishedVersion").asLong())
                .isGreaterThanOrEqualTo(published.get());
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private void installNhsla() throws Exception {
        for (KarafProcess node : List.of(a, b)) {
            if (!node.console("feature:list -i").contains("safety-partner-nhsla")) {
                node.console("feature:install safety-partner-nhsla");
            }
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500))
                    .until(() -> TOTAL.matcher(node.console("nhsla:profile --from 2000 --to 2030")).find());
        }
    }

    private void restart(KarafProcess node, ApiClient api) throws Exception {
        node.start();
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> api.get(PLAN, "RV5").as(ADMIN).send().status() == 200);
    }

    private static boolean authenticated(ApiClient node, String cookie) {
        JsonNode who = node.get(SESSION).header("Cookie", cookie).send().json();
        return who.path("authenticated").asBoolean();
    }

    private static String console(KarafProcess node, String command) {
        try {
            return node.console(command);
        } catch (Exception e) {
            return "console ended: " + e;
        }
    }

    private static long total(KarafProcess node) throws Exception {
        String out = node.console("nhsla:profile --from 2000 --to 2030");
        Matcher m = TOTAL.matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return Long.parseLong(m.group(1));
    }

    private long count(String sql) throws SQLException {
        try (Connection c = database.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            assertThat(rs.next()).isTrue();
            return rs.getLong(1);
        }
    }

    /** Statements running now on the cluster's database whose text names {@code table}. */
    private long activeStatements(String table) throws SQLException {
        try (Connection c = database.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND state = 'active'"
                        + " AND pid <> pg_backend_pid() AND query ILIKE ?")) {
            ps.setString(1, "%" + table + "%");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String secretOf(String consoleOutput) {
        return consoleOutput.lines().map(String::trim).filter(l -> l.startsWith("Secret: ")).findFirst()
                .map(l -> l.substring("Secret: ".length())).orElseThrow(() -> new AssertionError(consoleOutput));
    }

    private static String claims(String prefix, int n) {
        return claims(prefix, 1, n);
    }

    private static String claims(String prefix, int from, int to) {
        StringBuilder s = new StringBuilder((to - from + 1) * 120);
        for (int i = from; i <= to; i++) {
            s.append(prefix).append(i).append(",RGT,CNST,").append(i % 8 == 0 ? "Obstetrics" : "Nursing")
                    .append(",Fall,Fracture,2014-01-01,2014-06-01,settled,").append(1000 + i % 500)
                    .append(",100,200\n");
        }
        return s.toString();
    }

    /** Public reads through the balancer from {@value #LOAD_CLIENTS} clients, counted, until stopped. */
    private static final class Load implements AutoCloseable {
        private static final List<String> ROUTES = List.of("/api/v1/members/RGT", "/api/v1/members?limit=5",
                "/api/v1/members/RGT/plan", "/api/health");
        private final ExecutorService clients = Executors.newFixedThreadPool(LOAD_CLIENTS);
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicLong requests = new AtomicLong();
        private final AtomicLong failures = new AtomicLong();
        private final ConcurrentLinkedQueue<String> samples = new ConcurrentLinkedQueue<>();

        Load(ApiClient api) {
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            for (int c = 0; c < LOAD_CLIENTS; c++) {
                int client = c;
                clients.submit(() -> {
                    for (int i = client; running.get(); i++) {
                        String route = ROUTES.get(i % ROUTES.size());
                        try {
                            var r = http.send(java.net.http.HttpRequest.newBuilder(api.base().resolve(route))
                                            .timeout(Duration.ofSeconds(30)).build(),
                                    java.net.http.HttpResponse.BodyHandlers.discarding());
                            requests.incrementAndGet();
                            if (r.statusCode() != 200) {
                                fail(route + " -> " + r.statusCode());
                            }
                        } catch (java.io.IOException e) {
                            requests.incrementAndGet();
                            fail(route + " -> " + e);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                });
            }
        }

        private void fail(String what) {
            failures.incrementAndGet();
            if (samples.size() < 10) {
                samples.add(what);
            }
        }

        void stop() throws InterruptedException {
            running.set(false);
            clients.shutdown();
            clients.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
        }

        long failures() {
            return failures.get();
        }

        List<String> failureSamples() {
            return List.copyOf(samples);
        }

        String report() {
            return requests.get() + " requests through the balancer, " + failures.get() + " failed " + samples;
        }

        @Override
        public void close() throws InterruptedException {
            stop();
        }
    }
}
