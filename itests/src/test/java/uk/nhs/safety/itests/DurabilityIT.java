package uk.nhs.safety.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Acknowledged writes survive a crash: writes go to the distribution in a loop (new pledge actions, monthly
 * measurements, plan publishes, a token revocation in the console) and the JVM is killed with SIGKILL within
 * milliseconds of an acknowledgement, again and again; after each restart every acknowledged write is there, and
 * published version numbers are never reused for other content. On the embedded H2 and on a real PostgreSQL server
 * (an embedded one from Maven Central, started by the test).
 */
class DurabilityIT {

    static final int KILLS = 3;
    static final String RGT = "RGT";
    static final ObjectMapper JSON = new ObjectMapper();
    static final String ADMIN = "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(
            StandardCharsets.UTF_8));

    @TempDir
    Path workDir;

    private KarafProcess karaf;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Random random = new Random(20141224);

    /** What was acknowledged, to look for after each restart. */
    private final Map<Long, String> actions = new LinkedHashMap<>();
    private final Map<YearMonth, Double> measurements = new LinkedHashMap<>();
    private final Map<Integer, String> publishedTitles = new LinkedHashMap<>();
    private final List<String> revokedSecrets = new ArrayList<>();
    private int acknowledged;
    private String measureKey;

    @BeforeEach
    void unpack() throws Exception {
        karaf = KarafProcess.unpack(Path.of(System.getProperty("distribution.archive")), workDir);
    }

    @AfterEach
    void stop() throws Exception {
        karaf.stop();
    }

    @Test
    void everyAcknowledgedWriteSurvivesASigkillRightAfterItOnH2() throws Exception {
        writeKillAndCheck("H2");
    }

    @Test
    void everyAcknowledgedWriteSurvivesASigkillRightAfterItOnPostgresql() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(workDir.resolve("postgres"))
                .setCleanDataDirectory(true).start()) {
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE safety");
            }
            karaf.usePostgresql("jdbc:postgresql://localhost:" + postgres.getPort() + "/safety", "postgres", "");
            writeKillAndCheck("PostgreSQL");
            karaf.stop();
            // and it was PostgreSQL that held them
            try (Connection c = postgres.getDatabase("postgres", "safety").getConnection();
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM pledge_action WHERE action_text LIKE 'Durable action %'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(actions.size());
            }
        }
    }

    private void writeKillAndCheck(String database) throws Exception {
        startAndWait();
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1))
                .until(() -> karaf.console("safety:plan-show RGT").contains("[DEMO]"));
        measureKey = get("/api/v1/members/RGT/measures").get(0).path("measure").path("key").asText();

        for (int kill = 1; kill <= KILLS; kill++) {
            if (kill % 2 == 0) {
                // the acknowledgement the kill follows is the console's "Revoked" line
                writeInALoop(5 + random.nextInt(10));
                String created = karaf.console("safety:token-create --allow-unknown cqc durability-" + kill);
                String secret = line(created, "Secret: ");
                String id = created.replaceAll("(?s).*safety:token-revoke (\\S+).*", "$1");
                assertThat(status("GET", "/api/v1/partners/cqc/framework", "Bearer " + secret, null))
                        .isNotEqualTo(401);
                String revoked = karaf.console("safety:token-revoke " + id);
                assertThat(revoked).contains("Revoked");
                karaf.kill();
                acknowledged++;
                revokedSecrets.add(secret);
            } else {
                writeInALoop(10 + random.nextInt(30));
                karaf.kill();
            }
            startAndWait();
            assertEveryAcknowledgedWriteIsThere();
        }
        System.out.printf("DurabilityIT on %s: %d SIGKILLs, %d writes acknowledged; after each restart all were found"
                + " (%d actions, %d measurement months, %d published versions, %d revocations as last written)%n",
                database, KILLS, acknowledged, actions.size(), measurements.size(), publishedTitles.size(),
                revokedSecrets.size());
    }

    /** Sends writes one after another; returns right after the last one is acknowledged (the caller then kills). */
    private void writeInALoop(int writes) throws Exception {
        for (int i = 0; i < writes; i++) {
            switch (random.nextInt(5)) {
                case 0 -> publishPlan();
                case 1, 2 -> recordMeasurement();
                default -> addAction();
            }
            acknowledged++;
        }
    }

    private void addAction() throws Exception {
        String text = "Durable action " + acknowledged + " " + random.nextLong();
        ObjectNode body = JSON.createObjectNode().put("pledge", 1 + random.nextInt(5)).put("text", text)
                .put("ownerRole", "Director of Nursing").put("dueDate", "2016-03-31").put("status", "planned");
        HttpResponse<String> r = send("POST", "/api/v1/members/RGT/actions", ADMIN, body, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        actions.put(JSON.readTree(r.body()).path("id").asLong(), text);
    }

    private void recordMeasurement() throws Exception {
        YearMonth period = YearMonth.of(2000, 1).plusMonths(random.nextInt(120));
        double value = acknowledged + random.nextInt(1000) / 1000.0;
        ObjectNode body = JSON.createObjectNode().put("period", period.toString()).put("value", value);
        HttpResponse<String> r = send("POST", "/api/v1/members/RGT/measures/" + measureKey + "/measurements",
                ADMIN, body, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        measurements.put(period, value);
    }

    private void publishPlan() throws Exception {
        HttpResponse<String> plan = send("GET", "/api/v1/members/RGT/plan", ADMIN, null, null);
        ObjectNode content = (ObjectNode) JSON.readTree(plan.body()).path("content");
        String title = "Durable plan " + acknowledged + " " + random.nextLong();
        content.put("title", title);
        HttpResponse<String> saved = send("PUT", "/api/v1/members/RGT/plan", ADMIN, content, etag(plan));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        HttpResponse<String> published = send("POST", "/api/v1/members/RGT/plan/publish", ADMIN, null, etag(saved));
        assertThat(published.statusCode()).as(published.body()).isEqualTo(201);
        publishedTitles.put(JSON.readTree(published.body()).path("number").asInt(), title);
    }

    private void assertEveryAcknowledgedWriteIsThere() throws Exception {
        Map<Long, String> stored = new LinkedHashMap<>();
        for (JsonNode a : get("/api/v1/members/RGT/actions")) {
            stored.put(a.path("id").asLong(), a.path("text").asText());
        }
        assertThat(stored).containsAllEntriesOf(actions);

        Map<YearMonth, Double> values = new LinkedHashMap<>();
        for (JsonNode p : get("/api/v1/members/RGT/measures/" + measureKey).path("spc").path("points")) {
            values.put(YearMonth.from(java.time.LocalDate.parse(p.path("period").asText())), p.path("value").asDouble());
        }
        assertThat(values).containsAllEntriesOf(measurements);

        for (Map.Entry<Integer, String> v : publishedTitles.entrySet()) {
            assertThat(get("/api/v1/members/RGT/plan/versions/" + v.getKey()).path("content").path("title").asText())
                    .as("published version %d", v.getKey()).isEqualTo(v.getValue());
        }
        for (String secret : revokedSecrets) {
            assertThat(status("GET", "/api/v1/partners/cqc/framework", "Bearer " + secret, null)).isEqualTo(401);
        }
    }

    private void startAndWait() throws Exception {
        karaf.start();
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> status("GET", "/api/health", null, null) == 200
                        && karaf.console("safety:member-list --limit 1").contains("of 241 members"));
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> r = send("GET", path, ADMIN, null, null);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private int status(String method, String path, String authorization, JsonNode body) throws Exception {
        return send(method, path, authorization, body, null).statusCode();
    }

    private HttpResponse<String> send(String method, String path, String authorization, JsonNode body,
                                      String ifMatch) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(karaf.httpBase() + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        if (ifMatch != null) {
            b.header("If-Match", ifMatch);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String etag(HttpResponse<String> r) {
        return r.headers().firstValue("ETag").orElseThrow();
    }

    private static String line(String output, String prefix) {
        return output.lines().map(String::trim).filter(l -> l.startsWith(prefix)).findFirst()
                .map(l -> l.substring(prefix.length()).trim()).orElseThrow(() -> new AssertionError(output));
    }
}
