package uk.nhs.safety.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import uk.nhs.safety.itests.ApiClient.Caller;
import uk.nhs.safety.itests.ApiClient.Response;

/**
 * The HTTP API end to end, over real HTTP against the built distribution (one Karaf for the whole class, demo data
 * seeded): who may do what, drafts never leaking, optimistic locking, every class of bad input, authentication
 * failures and rate limiting, and the headers every answer carries. Every answer is checked against the OpenAPI
 * document by {@link ApiClient}, so these tests also prove the document describes the API as implemented.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpApiIT {

    private static final String RGT = "RGT";
    private static final String RJZ = "RJZ";
    private static final String MEMBER = "/api/v1/members/{ods}";
    private static final String ACTIONS = "/api/v1/members/{ods}/actions";
    private static final String ACTION = "/api/v1/members/{ods}/actions/{id}";
    private static final String ACTION_PUBLISH = "/api/v1/members/{ods}/actions/{id}/publish";
    private static final String PLAN = "/api/v1/members/{ods}/plan";
    private static final String PLAN_PUBLISH = "/api/v1/members/{ods}/plan/publish";
    private static final String PLAN_VERSIONS = "/api/v1/members/{ods}/plan/versions";
    private static final String MEASURE = "/api/v1/members/{ods}/measures/{key}";
    private static final String MEASUREMENTS = "/api/v1/members/{ods}/measures/{key}/measurements";
    private static final String PARTNER_ROUTE = "/api/v1/partners/{partnerId}/{partnerPath}";
    private static final int MIB = 1024 * 1024;

    private static final Caller ADMIN = Caller.basic("admin", "admin");
    private static final Caller OPERATOR = Caller.basic("operator1", "operator1-secret");
    private static final Caller RGT_EDITOR = Caller.basic("rgt-editor", "rgt-editor-secret");
    private static final Caller RJZ_EDITOR = Caller.basic("rjz-editor", "rjz-editor-secret");
    private static final Caller SCRAPER = Caller.basic("prometheus", "prometheus-secret");

    /** The callers of the authorisation matrix. */
    enum Role { ANONYMOUS, ADMIN, OPERATOR, RGT_EDITOR, RJZ_EDITOR, CQC_TOKEN }

    private KarafProcess karaf;
    private ApiClient api;
    private Caller cqcToken;
    private String rgtMeasureKey;
    private String examplePlan;
    private String rgtTrustRow;
    private final AtomicInteger sequence = new AtomicInteger();
    /** Care-trust codes handed out so far, from TZ0 on (the real list has no T codes). */
    private final AtomicInteger trustCodes = new AtomicInteger(36 * 35);
    /** Months recorded so far, from 2019-02 on (after the demo series). */
    private final AtomicInteger months = new AtomicInteger();

    @BeforeAll
    void startDistribution() throws Exception {
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "http-api-it");
        karaf = KarafProcess.unpack(Path.of(System.getProperty("distribution.archive")), dir);
        karaf.addUser("operator1", "operator1-secret", "operator");
        karaf.addUser("rgt-editor", "rgt-editor-secret", "member-editor", "member:RGT");
        karaf.addUser("rjz-editor", "rjz-editor-secret", "member-editor", "member:RJZ");
        chooseDatabase(karaf);
        karaf.addUser("prometheus", "prometheus-secret", "metrics");
        karaf.start();
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> karaf.console("safety:member-list --limit 1").contains("of 241 members"));
        // RV5 is the last demo member seeded: its plan means every demo member has one
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1))
                .until(() -> karaf.console("safety:plan-show RV5").contains("[DEMO]"));
        cqcToken = Caller.bearer("cqc token", secretOf(karaf.console("safety:token-create --allow-unknown cqc HttpApiIT")));

        api = new ApiClient(karaf.httpBase(), OpenApiValidator.of(OpenApiValidator.repositoryDocument()));
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> api.get("/api/health").send().status() == 200);
        rgtMeasureKey = api.get("/api/v1/members/{ods}/measures", RGT).send().json().get(0).path("measure")
                .path("key").asText();
        examplePlan = Files.readString(Path.of(System.getProperty("example.plan")));
        rgtTrustRow = Files.readAllLines(Path.of(System.getProperty("etr.csv"))).stream()
                .filter(line -> line.startsWith(RGT + ",")).findFirst().orElseThrow();
    }

    /** Before the first start: the store to run on (the distribution's default, embedded H2, here). */
    void chooseDatabase(KarafProcess distribution) throws Exception {
    }

    @AfterAll
    void stopDistribution() throws Exception {
        if (karaf != null) {
            karaf.stop();
        }
    }

    // --- the document itself -----------------------------------------------------------------------------------

    @Test
    void servesTheOpenApiDocumentOfTheRepository() throws IOException {
        Response served = api.get("/api/v1/openapi.json").send();
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.json()).isEqualTo(ApiClient.JSON.readTree(OpenApiValidator.repositoryDocument().toFile()));
    }

    @Test
    void healthReportsTheDatabaseAndMigrationsUp() {
        JsonNode health = api.get("/api/health").send().json();
        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.path("database").path("status").asText()).isEqualTo("UP");
        assertThat(health.path("migrations").path("status").asText()).isEqualTo("UP");
    }

    @Test
    void healthNamesThisNodeAndListsItUpAmongTheNodesSharingTheDatabase() {
        JsonNode health = api.get("/api/health").send().json();
        String node = health.path("node").asText();
        assertThat(node).isNotBlank();
        assertThat(health.path("nodes")).singleElement().satisfies(n -> {
            assertThat(n.path("id").asText()).isEqualTo(node);
            assertThat(n.path("state").asText()).isEqualTo("UP");
            assertThat(n.path("partners").isArray()).isTrue();
        });
    }

    @Test
    void metricsAnswerAdminsAndTheMetricsRoleInThePrometheusTextFormatAndRefuseEveryoneElse() {
        assertThat(api.get(MEMBER, RGT).send().status()).isEqualTo(200);

        assertThat(api.get("/api/metrics").send().status()).isEqualTo(401);
        assertThat(api.get("/api/metrics").as(OPERATOR).send().status()).isEqualTo(403);
        for (Caller caller : List.of(ADMIN, SCRAPER)) {
            Response metrics = api.get("/api/metrics").as(caller).send();
            assertThat(metrics.status()).isEqualTo(200);
            assertThat(metrics.header("Content-Type")).isEqualTo("text/plain; version=0.0.4; charset=utf-8");
            assertThat(metrics.body()).contains(
                    "# TYPE safety_http_request_duration_seconds histogram\n",
                    "safety_http_request_duration_seconds_count{method=\"GET\",route=\"/api/v1/members/{ods}\","
                            + "status=\"200\"}",
                    "safety_cluster_nodes{state=\"UP\"} 1.0\n",
                    // the H2 pool of the shipped datasource (hikari.registerMbeans = true)
                    "safety_db_pool_connections{pool=\"safety\"}",
                    "# TYPE jvm_memory_used_bytes gauge\n");
        }
    }

    // --- authorisation matrix ----------------------------------------------------------------------------------

    /** What one call did, and a way to see afterwards whether its change took effect ({@code null} for reads). */
    record Attempt(Response response, BooleanSupplier applied) {
    }

    /** Every write route of the spec (and the restricted reads), who may use it, and how to try it as a caller. */
    enum Route {
        ADD_FOCUS_AREA("POST /api/v1/focus-areas", 201, EnumSet.of(Role.ADMIN), HttpApiIT::tryAddFocusArea),
        ADD_MEMBER("POST /api/v1/members", 201, EnumSet.of(Role.ADMIN, Role.OPERATOR), HttpApiIT::tryAddMember),
        IMPORT_MEMBERS("POST /api/v1/members/import", 200, EnumSet.of(Role.ADMIN, Role.OPERATOR),
                HttpApiIT::tryImport),
        WITHDRAW_MEMBER("POST /api/v1/members/{ods}/withdraw", 200, EnumSet.of(Role.ADMIN, Role.OPERATOR),
                HttpApiIT::tryWithdraw),
        ADD_ACTION("POST /api/v1/members/RGT/actions", 201, EnumSet.of(Role.ADMIN, Role.RGT_EDITOR),
                HttpApiIT::tryAddAction),
        UPDATE_ACTION("PUT /api/v1/members/RGT/actions/{id}", 200, EnumSet.of(Role.ADMIN, Role.RGT_EDITOR),
                HttpApiIT::tryUpdateAction),
        PUBLISH_ACTION("POST /api/v1/members/RGT/actions/{id}/publish", 200, EnumSet.of(Role.ADMIN, Role.RGT_EDITOR),
                HttpApiIT::tryPublishAction),
        CREATE_PLAN("PUT /api/v1/members/{new}/plan (If-None-Match: *)", 201, EnumSet.of(Role.ADMIN),
                HttpApiIT::tryCreatePlan),
        UPDATE_PLAN("PUT /api/v1/members/RGT/plan (If-Match)", 200, EnumSet.of(Role.ADMIN, Role.RGT_EDITOR),
                HttpApiIT::tryUpdatePlan),
        PUBLISH_PLAN("POST /api/v1/members/RGT/plan/publish", 201, EnumSet.of(Role.ADMIN, Role.RGT_EDITOR),
                HttpApiIT::tryPublishPlan),
        RECORD_MEASUREMENT("POST /api/v1/members/RGT/measures/{key}/measurements", 201,
                EnumSet.of(Role.ADMIN, Role.RGT_EDITOR), HttpApiIT::tryRecordMeasurement),
        /** No partner contributes routes in this build: an allowed caller gets through to a 404. */
        PARTNER_ROUTE("POST /api/v1/partners/cqc/…", 404, EnumSet.of(Role.ADMIN, Role.CQC_TOKEN),
                HttpApiIT::tryPartnerRoute),
        READ_AUDIT("GET /api/v1/members/RGT/audit", 200, EnumSet.of(Role.ADMIN, Role.OPERATOR, Role.RGT_EDITOR),
                HttpApiIT::tryReadAudit),
        LIST_PARTNERS("GET /api/v1/partners", 200, EnumSet.of(Role.ADMIN, Role.OPERATOR), HttpApiIT::tryListPartners);

        private final String label;
        private final int success;
        private final Set<Role> allowed;
        private final BiFunction<HttpApiIT, Caller, Attempt> attempt;

        Route(String label, int success, Set<Role> allowed, BiFunction<HttpApiIT, Caller, Attempt> attempt) {
            this.label = label;
            this.success = success;
            this.allowed = allowed;
            this.attempt = attempt;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    Stream<Arguments> matrix() {
        return Arrays.stream(Route.values())
                .flatMap(route -> Arrays.stream(Role.values()).map(role -> Arguments.of(route, role)));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("matrix")
    void answersEveryCallerOfEveryRestrictedRouteAsTheSpecSays(Route route, Role role) {
        Attempt attempt = route.attempt.apply(this, caller(role));
        Response response = attempt.response();
        if (route.allowed.contains(role)) {
            assertThat(response.status()).as(response + ": " + response.body()).isEqualTo(route.success);
            if (attempt.applied() != null) {
                assertThat(attempt.applied().getAsBoolean()).as("the change is visible afterwards").isTrue();
            }
        } else {
            boolean anonymous = role == Role.ANONYMOUS;
            assertThat(response.status()).as(response + ": " + response.body()).isEqualTo(anonymous ? 401 : 403);
            assertThat(response.problemKind()).isEqualTo(anonymous ? "unauthorized" : "forbidden");
            if (attempt.applied() != null) {
                assertThat(attempt.applied().getAsBoolean()).as("nothing changed").isFalse();
            }
        }
    }

    private Attempt tryAddFocusArea(Caller caller) {
        String code = "it-area-" + next();
        Response r = api.post("/api/v1/focus-areas").as(caller).json(object("code", code, "label", "Area " + code))
                .send();
        return new Attempt(r, () -> api.get("/api/v1/focus-areas").send().json().findValuesAsText("code")
                .contains(code));
    }

    private Attempt tryAddMember(Caller caller) {
        String code = newMemberCode();
        Response r = api.post("/api/v1/members").as(caller).json(newMember(code)).send();
        if (r.status() == 201) {
            assertThat(r.header("Location")).endsWith("/api/v1/members/" + code);
            etag(r);
        }
        return new Attempt(r, () -> api.get(MEMBER, code).send().status() == 200);
    }

    private Attempt tryImport(Caller caller) {
        String code = newTrustCode();
        Response r = api.post("/api/v1/members/import").query("name", "matrix.csv").as(caller)
                .raw("text/csv", trustRow(code) + "\n").send();
        if (r.status() == 200) {
            assertThat(r.json().path("added").asInt()).isEqualTo(1);
        }
        return new Attempt(r, () -> api.get(MEMBER, code).send().status() == 200);
    }

    private Attempt tryWithdraw(Caller caller) {
        Response member = addMemberAsAdmin();
        String code = member.json().path("odsCode").asText();
        Response r = api.post("/api/v1/members/{ods}/withdraw", code).as(caller).ifMatch(etag(member)).send();
        return new Attempt(r, () -> "withdrawn".equals(api.get(MEMBER, code).send().json().path("status").asText()));
    }

    private Attempt tryAddAction(Caller caller) {
        String text = "Matrix action " + next();
        Response r = api.post(ACTIONS, RGT).as(caller).json(newAction(2, text)).send();
        return new Attempt(r, () -> actionsAsAdmin(RGT).findValuesAsText("text").contains(text));
    }

    private Attempt tryUpdateAction(Caller caller) {
        Response added = addActionAsAdmin(RGT, "Matrix action to change " + next());
        long id = added.json().path("id").asLong();
        String changed = "Matrix action changed " + next();
        Response r = api.put(ACTION, RGT, id).as(caller).ifMatch(etag(added)).json(newAction(2, changed)).send();
        return new Attempt(r, () -> changed.equals(actionAsAdmin(RGT, id).path("text").asText()));
    }

    private Attempt tryPublishAction(Caller caller) {
        Response added = addActionAsAdmin(RGT, "Matrix action to publish " + next());
        long id = added.json().path("id").asLong();
        Response r = api.post(ACTION_PUBLISH, RGT, id).as(caller).ifMatch(etag(added)).send();
        return new Attempt(r, () -> ids(api.get(ACTIONS, RGT).send()).contains(id));
    }

    private Attempt tryCreatePlan(Caller caller) {
        String code = addMemberAsAdmin().json().path("odsCode").asText();
        Response r = api.put(PLAN, code).as(caller).header("If-None-Match", "*").json(examplePlan).send();
        if (r.status() == 201) {
            assertThat(r.json().path("status").asText()).isEqualTo("draft");
            etag(r);
        }
        return new Attempt(r, () -> api.get(PLAN, code).as(ADMIN).send().status() == 200);
    }

    private Attempt tryUpdatePlan(Caller caller) {
        Response workingCopy = api.get(PLAN, RGT).as(ADMIN).send();
        String title = "[DEMO] Matrix revision " + next();
        Response r = api.put(PLAN, RGT).as(caller).ifMatch(etag(workingCopy))
                .json(withTitle(workingCopy.json().path("content"), title)).send();
        return new Attempt(r, () -> title.equals(planTitleAsAdmin(RGT)));
    }

    private Attempt tryPublishPlan(Caller caller) {
        String title = "[DEMO] Matrix version " + next();
        String etag = editPlanAsAdmin(RGT, title);
        Response r = api.post(PLAN_PUBLISH, RGT).as(caller).ifMatch(etag).send();
        if (r.status() == 201) {
            int number = r.json().path("number").asInt();
            assertThat(r.header("Location")).endsWith("/api/v1/members/RGT/plan/versions/" + number);
            assertThat(r.etag()).isEqualTo("\"v" + number + "\"");
        }
        return new Attempt(r, () -> api.get(PLAN_VERSIONS, RGT).send().json().findValuesAsText("title")
                .contains(title));
    }

    private Attempt tryRecordMeasurement(Caller caller) {
        YearMonth period = YearMonth.of(2019, 2).plusMonths(months.getAndIncrement());
        Response r = api.post(MEASUREMENTS, RGT, rgtMeasureKey).as(caller)
                .json(object("period", period.toString(), "value", 0.5, "annotation", "recorded over HTTP")).send();
        String day = period.atDay(1).toString();
        return new Attempt(r, () -> api.get(MEASURE, RGT, rgtMeasureKey).send().json().path("spc").path("points")
                .findValuesAsText("period").contains(day));
    }

    private Attempt tryPartnerRoute(Caller caller) {
        return new Attempt(api.post(PARTNER_ROUTE, "cqc", "sync").as(caller).raw("application/json", "{}").send(),
                null);
    }

    private Attempt tryReadAudit(Caller caller) {
        return new Attempt(api.get("/api/v1/members/{ods}/audit", RGT).query("limit", 5).as(caller).send(), null);
    }

    private Attempt tryListPartners(Caller caller) {
        return new Attempt(api.get("/api/v1/partners").as(caller).send(), null);
    }

    @Test
    void anEditorCannotReachAnotherMembersActionThroughItsOwnMemberPath() {
        Response added = addActionAsAdmin(RGT, "RGT action an RJZ editor must not touch " + next());
        long id = added.json().path("id").asLong();
        Response changed = api.put(ACTION, RJZ, id).as(RJZ_EDITOR).ifMatch(etag(added))
                .json(newAction(2, "taken over")).send();
        Response published = api.post(ACTION_PUBLISH, RJZ, id).as(RJZ_EDITOR).ifMatch(etag(added)).send();
        assertThat(changed.status()).isEqualTo(404);
        assertThat(published.status()).isEqualTo(404);
        JsonNode action = actionAsAdmin(RGT, id);
        assertThat(action.path("text").asText()).isEqualTo(added.json().path("text").asText());
        assertThat(action.path("published").asBoolean()).isFalse();
    }

    // --- drafts ------------------------------------------------------------------------------------------------

    @Test
    void draftActionsAreListedForTheMembersEditorOnly() {
        Response added = api.post(ACTIONS, RJZ).as(RJZ_EDITOR).json(newAction(1, "RJZ draft " + next())).send();
        assertThat(added.status()).isEqualTo(201);
        assertThat(added.json().path("published").asBoolean()).isFalse();
        long id = added.json().path("id").asLong();

        assertThat(ids(api.get(ACTIONS, RJZ).send())).doesNotContain(id);
        assertThat(ids(api.get(ACTIONS, RJZ).as(RGT_EDITOR).send())).doesNotContain(id);
        assertThat(ids(api.get(ACTIONS, RJZ).as(RJZ_EDITOR).send())).contains(id);
        assertThat(ids(api.get(ACTIONS, RJZ).as(RJZ_EDITOR).query("published", true).send())).doesNotContain(id);
    }

    @Test
    void theDemoDraftsOfAMemberAreHiddenFromAnonymousCallers() {
        JsonNode anonymous = api.get(ACTIONS, RGT).send().json();
        JsonNode editor = api.get(ACTIONS, RGT).as(RGT_EDITOR).send().json();
        assertThat(anonymous.findValues("published")).isNotEmpty().allMatch(JsonNode::asBoolean);
        assertThat(editor.findValues("published")).anyMatch(p -> !p.asBoolean());
        List<Long> editorIds = ids(editor);
        assertThat(editorIds).containsAll(ids(anonymous));
        assertThat(editorIds.size()).isGreaterThan(ids(anonymous).size());
    }

    @Test
    void pledgeCountsShowDraftsOnlyToCallersWhoMayEdit() {
        JsonNode anonymous = api.get("/api/v1/members/{ods}/pledges", RGT).send().json();
        JsonNode editor = api.get("/api/v1/members/{ods}/pledges", RGT).as(RGT_EDITOR).send().json();
        JsonNode otherEditor = api.get("/api/v1/members/{ods}/pledges", RGT).as(RJZ_EDITOR).send().json();
        assertThat(anonymous.path("pledges")).hasSize(5).allSatisfy(p -> assertThat(p.has("drafts")).isFalse());
        assertThat(otherEditor.path("pledges")).allSatisfy(p -> assertThat(p.has("drafts")).isFalse());
        assertThat(editor.path("pledges")).hasSize(5).allSatisfy(p -> assertThat(p.has("drafts")).isTrue());
        assertThat(editor.path("pledges").findValues("drafts")).anyMatch(d -> d.asInt() > 0);
        assertThat(editor.path("pledges").findValuesAsText("published"))
                .isEqualTo(anonymous.path("pledges").findValuesAsText("published"));
    }

    @Test
    void aPlanThatIsOnlyADraftIsNotFoundForAnyoneButItsEditors() {
        Response created = api.put(PLAN, RJZ).as(RJZ_EDITOR).header("If-None-Match", "*").json(examplePlan).send();
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("status").asText()).isEqualTo("draft");
        assertThat(created.json().path("publishedVersion").asInt()).isZero();
        String measureKey = created.json().path("content").path("measures").get(0).path("key").asText();

        assertThat(api.get(PLAN, RJZ).send().problemKind()).isEqualTo("not-found");
        assertThat(api.get(PLAN, RJZ).as(RGT_EDITOR).send().status()).isEqualTo(404);
        assertThat(api.get("/api/v1/members/{ods}/plan/diagram", RJZ).send().status()).isEqualTo(404);
        assertThat(api.get(MEASURE, RJZ, measureKey).send().status()).isEqualTo(404);
        assertThat(api.get(PLAN_VERSIONS, RJZ).send().json()).isEmpty();

        Response seen = api.get(PLAN, RJZ).as(RJZ_EDITOR).send();
        assertThat(seen.status()).isEqualTo(200);
        assertThat(seen.json().path("status").asText()).isEqualTo("draft");
        assertThat(seen.json().path("content").path("title").asText())
                .isEqualTo(created.json().path("content").path("title").asText());
    }

    // --- optimistic locking and conditional requests -----------------------------------------------------------

    @Test
    void aStaleIfMatchIsRefusedWith412AndChangesNothing() {
        Response added = addActionAsAdmin(RGT, "Locking: first text " + next());
        long id = added.json().path("id").asLong();
        Response first = api.put(ACTION, RGT, id).as(ADMIN).ifMatch(etag(added))
                .json(newAction(2, "Locking: second text")).send();
        assertThat(first.status()).isEqualTo(200);
        assertThat(etag(first)).isNotEqualTo(etag(added));

        Response stale = api.put(ACTION, RGT, id).as(ADMIN).ifMatch(etag(added))
                .json(newAction(2, "Locking: lost update")).send();
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.problemKind()).isEqualTo("precondition-failed");
        assertThat(stale.etag()).isEqualTo(etag(first));
        assertThat(actionAsAdmin(RGT, id).path("text").asText()).isEqualTo("Locking: second text");

        Response member = addMemberAsAdmin();
        String code = member.json().path("odsCode").asText();
        String staleMember = "\"" + (member.json().path("version").asLong() + 7) + "\"";
        assertThat(api.post("/api/v1/members/{ods}/withdraw", code).as(ADMIN).ifMatch(staleMember).send().status())
                .isEqualTo(412);
        Response after = api.get(MEMBER, code).send();
        assertThat(after.json().path("status").asText()).isEqualTo("active");
        assertThat(after.etag()).isEqualTo(etag(member));

        Response plan = api.get(PLAN, RGT).as(ADMIN).send();
        String stalePlan = "\"" + (plan.json().path("version").asLong() + 7) + "\"";
        Response refused = api.put(PLAN, RGT).as(ADMIN).ifMatch(stalePlan)
                .json(withTitle(plan.json().path("content"), "[DEMO] Lost plan update")).send();
        assertThat(refused.status()).isEqualTo(412);
        Response planAfter = api.get(PLAN, RGT).as(ADMIN).send();
        assertThat(planAfter.json()).isEqualTo(plan.json());
    }

    @Test
    void anUpdateWithoutIfMatchIsRefusedWith428AndChangesNothing() {
        Response added = addActionAsAdmin(RGT, "Unconditional " + next());
        long id = added.json().path("id").asLong();
        Response changed = api.put(ACTION, RGT, id).as(ADMIN).json(newAction(2, "changed without If-Match")).send();
        assertThat(changed.status()).isEqualTo(428);
        assertThat(changed.problemKind()).isEqualTo("precondition-required");
        assertThat(actionAsAdmin(RGT, id).path("text").asText()).isEqualTo(added.json().path("text").asText());

        assertThat(api.post(ACTION_PUBLISH, RGT, id).as(ADMIN).send().status()).isEqualTo(428);
        String code = addMemberAsAdmin().json().path("odsCode").asText();
        assertThat(api.post("/api/v1/members/{ods}/withdraw", code).as(ADMIN).send().status()).isEqualTo(428);
        assertThat(api.get(MEMBER, code).send().json().path("status").asText()).isEqualTo("active");

        Response plan = api.get(PLAN, RGT).as(ADMIN).send();
        assertThat(api.put(PLAN, RGT).as(ADMIN).json(withTitle(plan.json().path("content"), "[DEMO] Unconditional"))
                .send().status()).isEqualTo(428);
        assertThat(api.post(PLAN_PUBLISH, RGT).as(ADMIN).send().status()).isEqualTo(428);
        assertThat(api.get(PLAN, RGT).as(ADMIN).send().json()).isEqualTo(plan.json());
    }

    @Test
    void aMatchingIfNoneMatchIsAnswered304WithoutABody() {
        Response member = api.get(MEMBER, RJZ).send();
        Response again = api.get(MEMBER, RJZ).header("If-None-Match", etag(member)).send();
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.bytes()).isEmpty();
        assertThat(again.etag()).isEqualTo(member.etag());
        assertThat(api.get(MEMBER, RJZ).header("If-None-Match", "\"999999\"").send().status()).isEqualTo(200);
    }

    @Test
    void publicReadsCarryStrongETagsAnswered304AndShowAPublishedChangeOnTheNextRead() {
        for (String path : List.of("/api/v1/summary", PLAN, "/api/v1/members/{ods}/measures", MEASURE,
                "/api/v1/members/{ods}/pledges")) {
            Object[] args = path.contains("{key}") ? new Object[] {"RL4", "falls-per-1000"}
                    : path.contains("{ods}") ? new Object[] {"RL4"} : new Object[0];
            Response first = api.get(path, args).send();
            assertThat(first.status()).as(path).isEqualTo(200);
            assertThat(first.etag()).as(path).matches("\"[A-Za-z0-9_-]+\"");
            Response again = api.get(path, args).header("If-None-Match", first.etag()).send();
            assertThat(again.status()).as(path).isEqualTo(304);
            assertThat(again.bytes()).as(path).isEmpty();
            assertThat(again.etag()).as(path).isEqualTo(first.etag());
        }
        // Published content is kept between reads: a publication through the API shows on the very next read.
        String code = addMemberAsAdmin().json().path("odsCode").asText();
        Response draft = api.put(PLAN, code).as(ADMIN).header("If-None-Match", "*").json(examplePlan).send();
        assertThat(api.get(PLAN, code).send().status()).isEqualTo(404);
        Response summary = api.get("/api/v1/summary").send();
        assertThat(summary.json().findValuesAsText("odsCode")).doesNotContain(code);

        assertThat(api.post(PLAN_PUBLISH, code).as(ADMIN).ifMatch(etag(draft)).send().status()).isEqualTo(201);

        assertThat(api.get(PLAN, code).send().status()).isEqualTo(200);
        Response after = api.get("/api/v1/summary").header("If-None-Match", summary.etag()).send();
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.json().findValuesAsText("odsCode")).contains(code);
    }

    @Test
    void givesTheIconSummaryOfPublishedMeasuresAsJsonAndCsvAndShowsANewValueOnTheNextRead() {
        Response national = api.get("/api/v1/icons").send();
        assertThat(national.status()).isEqualTo(200);
        int measures = national.json().path("total").path("measures").asInt();
        assertThat(measures).isPositive();
        Response csv = api.get("/api/v1/icons.csv").send();
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).startsWith("region,ods_code,member_name,plan_version,measure_key");
        // the demo's member names and labels carry no line breaks: one line per measure after the header
        assertThat(lines).hasSize(measures + 1);

        Response rgt = api.get("/api/v1/members/{ods}/icons", RGT).send();
        assertThat(rgt.json().path("draft").asBoolean()).isFalse();
        assertThat(rgt.json().path("measures").findValuesAsText("key")).contains(rgtMeasureKey);
        assertThat(api.get("/api/v1/members/{ods}/icons", RGT).as(RGT_EDITOR).send().json().path("draft").asBoolean())
                .isTrue();

        // a value recorded through the API shows in the (cached) national summary on the next read
        YearMonth period = YearMonth.of(2019, 2).plusMonths(months.getAndIncrement());
        assertThat(api.post(MEASUREMENTS, RGT, rgtMeasureKey).as(ADMIN)
                .json(object("period", period.toString(), "value", 0.5)).send().status()).isEqualTo(201);
        JsonNode after = api.get("/api/v1/icons").send().json();
        JsonNode row = null;
        for (JsonNode region : after.path("regions")) {
            for (JsonNode member : region.path("members")) {
                for (JsonNode m : member.path("measures")) {
                    if (RGT.equals(member.path("odsCode").asText()) && rgtMeasureKey.equals(m.path("key").asText())) {
                        row = m;
                    }
                }
            }
        }
        assertThat(row).isNotNull();
        assertThat(row.path("latestPeriod").asText()).isEqualTo(period.atDay(1).toString());
        assertThat(row.path("latestValue").asDouble()).isEqualTo(0.5);
        assertThat(row.path("variationLabel").asText()).isNotBlank();
    }

    // --- bad input ---------------------------------------------------------------------------------------------

    @Test
    void unknownJsonFieldsAreRefusedNamingTheirPath() {
        String text = "Action with an unknown field " + next();
        ObjectNode action = newAction(2, text).put("colour", "red");
        Response refused = api.post(ACTIONS, RGT).as(ADMIN).raw("application/json", ApiClient.text(action)).send();
        assertBadInput(refused, "colour");
        assertThat(actionsAsAdmin(RGT).findValuesAsText("text")).doesNotContain(text);

        String code = addMemberAsAdmin().json().path("odsCode").asText();
        String plan = examplePlan.replaceFirst("\"text\"", "\"txt\"");
        Response nested = api.put(PLAN, code).as(ADMIN).header("If-None-Match", "*").raw("application/json", plan)
                .send();
        assertBadInput(nested, "diagram.primaryDrivers[0].txt");
        assertThat(api.get(PLAN, code).as(ADMIN).send().status()).isEqualTo(404);
    }

    @Test
    void wrongJsonTypesAreRefusedNamingTheField() {
        ObjectNode action = newAction(2, "x");
        action.putObject("text").put("en", "an object where text belongs");
        assertBadInput(api.post(ACTIONS, RGT).as(ADMIN).raw("application/json", ApiClient.text(action)).send(),
                "text");
        assertBadInput(api.post(MEASUREMENTS, RGT, rgtMeasureKey).as(ADMIN)
                .raw("application/json", "{\"period\":\"2019-01\",\"value\":\"lots\"}").send(), "value");
    }

    @Test
    void malformedOdsCodesAreRefusedNamingOdsCodeAndUnknownOnesAreNotFound() {
        assertBadInput(api.get(MEMBER, "not-an-ods-code").send(), "odsCode");
        assertBadInput(api.post(ACTIONS, "not-an-ods-code").as(ADMIN).json(newAction(1, "x")).send(), "odsCode");
        assertThat(api.get(MEMBER, "ZZZ99").send().problemKind()).isEqualTo("not-found");

        ObjectNode badCode = newMember("R!X");
        assertBadInput(api.post("/api/v1/members").as(ADMIN).raw("application/json", ApiClient.text(badCode)).send(),
                "odsCode");
        ObjectNode wrongShape = newMember("A81001").put("type", "acute");
        assertBadInput(api.post("/api/v1/members").as(ADMIN).json(wrongShape).send(), "odsCode");
        assertThat(api.get(MEMBER, "A81001").send().status()).isEqualTo(404);
    }

    @Test
    void controlCharactersInTextsAreRefusedNamingTheField() {
        String forged = "Looks fine\u001b[2K\r2015-04-01 | admin | token.revoked " + next();
        assertBadInput(api.post(ACTIONS, RGT).as(ADMIN).json(newAction(1, forged)).send(), "text");
        assertBadInput(api.post(ACTIONS, RGT).as(ADMIN).json(newAction(1, "NUL\u0000" + next())).send(), "text");
        assertThat(actionsAsAdmin(RGT).findValuesAsText("text")).noneMatch(t -> t.contains("\u001b")
                || t.contains("\u0000"));
        String twoLines = "First line\nsecond line\twith a tab " + next();
        assertThat(api.post(ACTIONS, RGT).as(ADMIN).json(newAction(1, twoLines)).send().status()).isEqualTo(201);
    }

    @Test
    void pledgesOutsideOneToFiveAreRefused() {
        for (Object pledge : List.of(-1, 0, 6, "-1")) {
            ObjectNode action = newAction(1, "Pledge " + pledge + " " + next());
            action.set("pledge", ApiClient.JSON.valueToTree(pledge));
            assertBadInput(api.post(ACTIONS, RGT).as(ADMIN).raw("application/json", ApiClient.text(action)).send(),
                    "pledge");
        }
    }

    @Test
    void measurementPeriodsOutsideTheConfiguredRangeAreRefused() {
        for (String period : List.of("0001-01", "1999-12", "9999-12")) {
            Response r = api.post(MEASUREMENTS, RGT, rgtMeasureKey).as(ADMIN)
                    .json(object("period", period, "value", 1.5)).send();
            assertBadInput(r, "period");
            assertThat(r.body()).contains("must be a month from 2000-01 to");
        }
    }

    @Test
    void aPChartMeasureNeedsDenominatorsAndItsChartStatesItsTypeProfileAndVaryingLimits() {
        String code = addMemberAsAdmin().json().path("odsCode").asText();
        String plan = examplePlan.replaceFirst("\"rebaseFrom\": \\[\\]",
                "\"rebaseFrom\": [], \"chartType\": \"p\", \"ruleProfile\": \"NHSRPLOTTHEDOTS_0_2_2\"");
        assertThat(plan).isNotEqualTo(examplePlan);
        Response saved = api.put(PLAN, code).as(ADMIN).header("If-None-Match", "*").raw("application/json", plan)
                .send();
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        String key = saved.json().path("content").path("measures").get(0).path("key").asText();

        Response missing = api.post(MEASUREMENTS, code, key).as(ADMIN).json(object("period", "2016-01", "value", 2))
                .send();
        assertBadInput(missing, "denominator");
        double[][] countsOutOf = {{2, 50}, {3, 100}, {1, 25}};
        for (int i = 0; i < countsOutOf.length; i++) {
            Response r = api.post(MEASUREMENTS, code, key).as(ADMIN).json(object("period", "2016-0" + (i + 1),
                    "value", countsOutOf[i][0], "denominator", countsOutOf[i][1])).send();
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }

        // Checked against the OpenAPI document by the client. p-bar = 6/175; each point's limits follow its n.
        JsonNode spc = api.get(MEASURE, code, key).as(ADMIN).send().json().path("spc");
        assertThat(spc.path("chartType").asText()).isEqualTo("p");
        assertThat(spc.path("profile").path("name").asText()).isEqualTo("NHSRPLOTTHEDOTS_0_2_2");
        assertThat(spc.path("profile").path("screenMovingRanges").asBoolean()).isTrue();
        assertThat(spc.path("limitsNote").asText()).contains("denominator");
        assertThat(spc.path("points").findValues("value")).extracting(JsonNode::asDouble)
                .containsExactly(0.04, 0.03, 0.04);
        assertThat(spc.path("points").findValues("denominator")).extracting(JsonNode::asDouble)
                .containsExactly(50.0, 100.0, 25.0);
        double[] upper = spc.path("points").findValues("upperLimit").stream().mapToDouble(JsonNode::asDouble)
                .toArray();
        assertThat(upper[2]).isGreaterThan(upper[0]);
        assertThat(upper[0]).isGreaterThan(upper[1]);
    }

    @Test
    void republishingAPublishedActionHonoursIfMatch() {
        Response added = addActionAsAdmin(RGT, "Published twice " + next());
        long id = added.json().path("id").asLong();
        Response published = api.post(ACTION_PUBLISH, RGT, id).as(ADMIN).ifMatch(etag(added)).send();
        assertThat(published.status()).isEqualTo(200);

        Response stale = api.post(ACTION_PUBLISH, RGT, id).as(ADMIN).ifMatch(etag(added)).send();
        assertThat(stale.status()).isEqualTo(412);
        Response current = api.post(ACTION_PUBLISH, RGT, id).as(ADMIN).ifMatch(etag(published)).send();
        assertThat(current.status()).isEqualTo(200);
        assertThat(current.etag()).isEqualTo(published.etag());
    }

    @Test
    void actionTextOverTwoThousandCharactersIsRefusedAndTwoThousandAreAccepted() {
        ObjectNode tooLong = newAction(4, "y".repeat(2001));
        assertBadInput(api.post(ACTIONS, RGT).as(ADMIN).raw("application/json", ApiClient.text(tooLong)).send(),
                "text");
        assertThat(actionsAsAdmin(RGT).findValuesAsText("text")).doesNotContain("y".repeat(2001));
        Response longest = api.post(ACTIONS, RGT).as(ADMIN).json(newAction(4, "z".repeat(2000))).send();
        assertThat(longest.status()).isEqualTo(201);
    }

    @Test
    void aBodyOverOneMebibyteIsRefusedWith413() {
        int before = actionsAsAdmin(RGT).size();
        String huge = ApiClient.text(newAction(4, "h".repeat(MIB + 1024)));
        // Declares the whole length but sends only the first 64 KiB: the server must answer from Content-Length.
        Response refused = api.post(ACTIONS, RGT).as(ADMIN).raw("application/json", huge.substring(0, 64 * 1024))
                .declaringLength(huge.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                .sendFrom(java.net.InetAddress.getLoopbackAddress());
        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.problemKind()).isEqualTo("payload-too-large");
        assertThat(actionsAsAdmin(RGT).size()).isEqualTo(before);
    }

    @Test
    void aWrongMediaTypeIsRefusedWith415() {
        String text = "Sent as plain text " + next();
        Response json = api.post(ACTIONS, RGT).as(ADMIN).raw("text/plain", ApiClient.text(newAction(1, text))).send();
        assertThat(json.status()).isEqualTo(415);
        assertThat(json.problemKind()).isEqualTo("unsupported-media-type");
        assertThat(actionsAsAdmin(RGT).findValuesAsText("text")).doesNotContain(text);
        Response csv = api.post("/api/v1/members/import").as(ADMIN).raw("application/json", "{}").send();
        assertThat(csv.status()).isEqualTo(415);
    }

    @Test
    void malformedJsonIsRefusedWith400() {
        Response refused = api.post(ACTIONS, RGT).as(ADMIN).raw("application/json", "{\"pledge\": 1, \"text\": ")
                .send();
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.problemKind()).isEqualTo("malformed-json");
        assertThat(refused.json().path("detail").asText()).isNotBlank();
    }

    @Test
    void aCsvImportWithABadRowIsRefusedNamingLineAndFieldAndImportsNothing() {
        String first = newTrustCode();
        String third = newTrustCode();
        String csv = trustRow(first) + "\n" + trustRow("R!!") + "\n" + trustRow(third) + "\n";
        Response refused = api.post("/api/v1/members/import").query("name", "bad-row.csv").as(ADMIN)
                .raw("text/csv", csv).send();
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.problemKind()).isEqualTo("validation");
        JsonNode error = refused.json().path("errors").get(0);
        assertThat(error.path("line").asInt()).isEqualTo(2);
        assertThat(error.path("field").asText()).isEqualTo("code");
        assertThat(error.path("value").asText()).isEqualTo("R!!");
        assertThat(api.get(MEMBER, first).send().status()).isEqualTo(404);
        assertThat(api.get(MEMBER, third).send().status()).isEqualTo(404);
    }

    // --- authentication ----------------------------------------------------------------------------------------

    @Test
    void noCredentialsGet401WithBothChallengesAndAKnownCallerWithoutTheRoleGets403() {
        Response anonymous = api.get("/api/v1/members/{ods}/audit", RGT).send();
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("WWW-Authenticate")).contains("Basic realm=\"Sign up to Safety\"")
                .contains("Bearer");
        assertThat(api.get("/api/v1/members/{ods}/audit", RGT).as(RJZ_EDITOR).send().status()).isEqualTo(403);
        assertThat(api.get("/api/v1/members/{ods}/audit", RGT).as(cqcToken).send().status()).isEqualTo(403);
        assertThat(api.get("/api/v1/members/{ods}/audit", RGT).as(RGT_EDITOR).send().status()).isEqualTo(200);
    }

    @Test
    void theCampaignWideAuditListsWritesThatBelongToNoMemberForAdminsAndOperatorsOnly() {
        String code = "it-audit-" + next();
        assertThat(api.post("/api/v1/focus-areas").as(ADMIN).json(object("code", code, "label", "Area " + code))
                .send().status()).isEqualTo(201);

        Response trail = api.get("/api/v1/audit").query("limit", 20).as(OPERATOR).send();

        assertThat(trail.status()).isEqualTo(200);
        JsonNode added = null;
        for (JsonNode e : trail.json()) {
            assertThat(e.path("odsCode").isNull()).as("campaign-wide entries only: %s", e).isTrue();
            if (e.path("subject").asText().equals("focus area " + code)) {
                added = e;
            }
        }
        assertThat(added).as("the focus area just added is in the campaign-wide trail").isNotNull();
        assertThat(added.path("action").asText()).isEqualTo("focus-area.added");
        assertThat(added.path("actor").asText()).isEqualTo("admin");
        assertThat(api.get("/api/v1/audit").send().status()).isEqualTo(401);
        assertThat(api.get("/api/v1/audit").as(RGT_EDITOR).send().status()).isEqualTo(403);
        assertThat(api.get("/api/v1/audit").as(cqcToken).send().status()).isEqualTo(403);
    }

    @Test
    void wrongCredentialsGet401EvenOnPublicRoutes() {
        assertThat(api.get("/api/v1/pledges").send().status()).isEqualTo(200);
        Response wrongPassword = api.get("/api/v1/pledges").as(Caller.basic("operator1", "not-the-password")).send();
        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(wrongPassword.problemKind()).isEqualTo("unauthorized");
        assertThat(api.get("/api/v1/pledges").as(Caller.bearer("forged", "not-a-token")).send().status())
                .isEqualTo(401);
    }

    @Test
    void aSixthWrongPasswordWithinTheWindowIsAnswered429WithRetryAfter() throws IOException {
        // from an address of its own, so the limit it trips cannot touch the other tests (all from 127.0.0.1)
        InetAddress address = InetAddress.getByName("127.0.0.9");
        Caller guesser = Caller.basic("rate-limit-probe", "guess");
        List<Integer> statuses = new ArrayList<>();
        Response last = null;
        for (int i = 0; i < 6; i++) {
            last = api.get("/api/v1/pledges").as(guesser).sendFrom(address);
            statuses.add(last.status());
        }
        assertThat(statuses).containsExactly(401, 401, 401, 401, 401, 429);
        assertThat(last.problemKind()).isEqualTo("too-many-requests");
        assertThat(Long.parseLong(last.header("Retry-After"))).isBetween(1L, 300L);
        assertThat(api.get("/api/v1/pledges").as(ADMIN).send().status()).as("other callers are not locked out")
                .isEqualTo(200);
    }

    // --- headers -----------------------------------------------------------------------------------------------

    @Test
    void securityHeadersComeWithSuccessesNotFoundsAndUnauthorisedAnswers() {
        List<Response> answers = List.of(api.get("/api/v1/pledges").send(), api.get(MEMBER, "ZZZ99").send(),
                api.get("/api/v1/members/{ods}/audit", RGT).send());
        assertThat(answers).extracting(Response::status).containsExactly(200, 404, 401);
        for (Response r : answers) {
            assertThat(r.header("X-Content-Type-Options")).as(r.toString()).isEqualTo("nosniff");
            assertThat(r.header("X-Frame-Options")).as(r.toString()).isEqualTo("DENY");
            assertThat(r.header("Referrer-Policy")).as(r.toString()).isEqualTo("no-referrer");
            assertThat(r.header("Content-Security-Policy")).as(r.toString())
                    .isEqualTo("default-src 'none'; frame-ancestors 'none'");
        }
    }

    @Test
    void cachingHeadersSayWhoMayKeepWhat() {
        Response anonymous = api.get(MEMBER, RGT).send();
        assertThat(anonymous.header("Cache-Control")).contains("public").contains("max-age=60");
        assertThat(anonymous.header("Vary")).contains("Authorization").contains("Accept-Encoding");
        Response authenticated = api.get(MEMBER, RGT).as(ADMIN).send();
        assertThat(authenticated.header("Cache-Control")).contains("private").contains("no-cache");
        assertThat(api.get(MEMBER, "ZZZ99").send().header("Cache-Control")).contains("no-store");
        Response write = api.post(ACTIONS, RGT).as(ADMIN).json(newAction(5, "Caching check " + next())).send();
        assertThat(write.header("Cache-Control")).contains("no-store");
    }

    @Test
    void largeListsAreGzippedWhenTheClientAsksForIt() {
        Response zipped = api.get("/api/v1/members").query("limit", 1000).header("Accept-Encoding", "gzip").send();
        assertThat(zipped.gzipped()).isTrue();
        assertThat(zipped.rawBody().length).isLessThan(zipped.bytes().length);
        JsonNode page = zipped.json();
        assertThat(page.path("items").size()).isEqualTo(Math.min(page.path("total").asInt(), 1000));
        Response plain = api.get("/api/v1/members").query("limit", 1000).send();
        assertThat(plain.gzipped()).isFalse();
        assertThat(plain.json()).isEqualTo(page);
    }

    @Test
    void pagedMemberListsCarryLinkHeaders() {
        Response middle = api.get("/api/v1/members").query("offset", 50).query("limit", 50).send();
        Map<String, URI> links = links(middle);
        assertThat(links).containsKeys("next", "prev", "first");
        assertThat(links.get("next").getQuery()).contains("offset=100").contains("limit=50");
        assertThat(links.get("prev").getQuery()).contains("offset=0");
        assertThat(links.get("first").getQuery()).contains("offset=0");

        Response first = api.get("/api/v1/members").query("offset", 0).query("limit", 50).send();
        assertThat(links(first)).containsKey("next").doesNotContainKey("prev");
        JsonNode next = api.get("/api/v1/members").query("offset", 100).query("limit", 50).send().json();
        assertThat(next.path("offset").asInt()).isEqualTo(100);
        assertThat(next.path("items").get(0)).isNotEqualTo(middle.json().path("items").get(0));
    }

    @Test
    void publishedPlanVersionsAreCachedAsImmutable() {
        int number = api.get(PLAN_VERSIONS, "RL4").send().json().get(0).path("number").asInt();
        Response version = api.get("/api/v1/members/{ods}/plan/versions/{n}", "RL4", number).send();
        assertThat(version.status()).isEqualTo(200);
        assertThat(version.header("Cache-Control")).contains("public").contains("max-age=86400")
                .contains("immutable");
        assertThat(version.etag()).isEqualTo("\"v" + number + "\"");
        assertThat(api.get("/api/v1/members/{ods}/plan/versions/{n}", "RL4", number)
                .header("If-None-Match", version.etag()).send().status()).isEqualTo(304);
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private Caller caller(Role role) {
        return switch (role) {
            case ANONYMOUS -> Caller.ANONYMOUS;
            case ADMIN -> ADMIN;
            case OPERATOR -> OPERATOR;
            case RGT_EDITOR -> RGT_EDITOR;
            case RJZ_EDITOR -> RJZ_EDITOR;
            case CQC_TOKEN -> cqcToken;
        };
    }

    private int next() {
        return sequence.incrementAndGet();
    }

    /** A code for a hand-made member: an academic institution's 3–8 letters and digits. */
    private String newMemberCode() {
        return String.format("ITM%04d", next());
    }

    /** A care-trust code (T and two characters) that the real trust list does not use. */
    private String newTrustCode() {
        int n = trustCodes.getAndIncrement();
        String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        return "T" + alphabet.charAt(n / alphabet.length() % alphabet.length()) + alphabet.charAt(n % alphabet.length());
    }

    private String trustRow(String code) {
        String[] columns = rgtTrustRow.split(",", -1);
        columns[0] = code;
        columns[1] = "HTTP API TEST TRUST " + code;
        return String.join(",", columns);
    }

    private ObjectNode newMember(String code) {
        return object("odsCode", code, "name", "HTTP API Test Institute " + code, "type", "academic",
                "region", "London", "postcode", "SE1 7EH", "joined", "2014-06-24");
    }

    private static ObjectNode newAction(int pledge, String text) {
        return object("pledge", pledge, "text", text, "ownerRole", "Director of Nursing", "dueDate", "2016-03-31",
                "status", "planned");
    }

    private static ObjectNode object(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return ApiClient.JSON.valueToTree(map);
    }

    private static ObjectNode withTitle(JsonNode content, String title) {
        ObjectNode copy = content.deepCopy();
        copy.put("title", title);
        return copy;
    }

    private Response addMemberAsAdmin() {
        Response r = api.post("/api/v1/members").as(ADMIN).json(newMember(newMemberCode())).send();
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r;
    }

    private Response addActionAsAdmin(String ods, String text) {
        Response r = api.post(ACTIONS, ods).as(ADMIN).json(newAction(2, text)).send();
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r;
    }

    private JsonNode actionsAsAdmin(String ods) {
        return api.get(ACTIONS, ods).as(ADMIN).send().json();
    }

    private JsonNode actionAsAdmin(String ods, long id) {
        for (JsonNode action : actionsAsAdmin(ods)) {
            if (action.path("id").asLong() == id) {
                return action;
            }
        }
        throw new AssertionError("no action " + id + " of " + ods);
    }

    private String planTitleAsAdmin(String ods) {
        return api.get(PLAN, ods).as(ADMIN).send().json().path("content").path("title").asText();
    }

    /** Changes the working copy's title as admin and answers its new ETag. */
    private String editPlanAsAdmin(String ods, String title) {
        Response workingCopy = api.get(PLAN, ods).as(ADMIN).send();
        Response saved = api.put(PLAN, ods).as(ADMIN).ifMatch(etag(workingCopy))
                .json(withTitle(workingCopy.json().path("content"), title)).send();
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        return etag(saved);
    }

    /** The ETag of a versioned resource, which must be its quoted version. */
    private static String etag(Response r) {
        String etag = r.etag();
        assertThat(etag).as(r + " has an ETag").isNotNull();
        JsonNode version = r.json().path("version");
        if (version.isNumber()) {
            assertThat(etag).isEqualTo("\"" + version.asLong() + "\"");
        }
        return etag;
    }

    private static List<Long> ids(Response r) {
        return ids(r.json());
    }

    private static List<Long> ids(JsonNode actions) {
        List<Long> ids = new ArrayList<>();
        actions.forEach(a -> ids.add(a.path("id").asLong()));
        return ids;
    }

    private static void assertBadInput(Response r, String field) {
        assertThat(r.status()).as(r + ": " + r.body()).isEqualTo(400);
        assertThat(r.problemKind()).isIn("validation", "malformed-json");
        assertThat(r.errorFields()).as(r.body()).contains(field);
    }

    private Map<String, URI> links(Response r) {
        String header = r.header("Link");
        assertThat(header).as(r + " has a Link header").isNotNull();
        Map<String, URI> links = new LinkedHashMap<>();
        Matcher m = Pattern.compile("<([^>]*)>\\s*;\\s*rel=\"?([a-z]+)\"?").matcher(header);
        while (m.find()) {
            links.put(m.group(2), r.uri().resolve(m.group(1)));
        }
        return links;
    }

    private static String secretOf(String consoleOutput) {
        return consoleOutput.lines().map(String::trim).filter(l -> l.startsWith("Secret: "))
                .map(l -> l.substring("Secret: ".length()).trim()).findFirst()
                .orElseThrow(() -> new IllegalStateException("no 'Secret: ' line in: " + consoleOutput));
    }
}
