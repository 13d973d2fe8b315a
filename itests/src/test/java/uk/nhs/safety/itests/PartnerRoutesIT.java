package uk.nhs.safety.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import uk.nhs.safety.itests.ApiClient.Caller;
import uk.nhs.safety.itests.ApiClient.Request;
import uk.nhs.safety.itests.ApiClient.Response;

/**
 * Every partner route over real HTTP against the built distribution with the three partner features installed (one
 * Karaf for the whole class): the same caller matrix as core's routes (anonymous, admin, operator, a member editor
 * of RGT, a user with {@code member:RGT} but without {@code member-editor}, a member editor of RJZ, the partner's
 * own token, another partner's token), with every refused write shown to change nothing; and bad input to every
 * route that takes input, answered with a 4xx {@code application/problem+json} naming the field, never a 500.
 *
 * <p>The expected status of each cell is written down in {@link #matrix()} from the rules, not taken from the code:
 * a partner's own routes are for admins and its own callers (401 anonymous, 403 anyone else); the public NHSI
 * routes are for everyone; member data of a partner is for whoever may read the member by core's rule (admins,
 * operators, the member's own editors) and the partner itself; recording harm into a member's measure changes the
 * member's measurements, so it is for whoever core lets edit the member (admins and the member's own editors).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PartnerRoutesIT {

    private static final String ROUTE = "/api/v1/partners/{partnerId}/{partnerPath}";
    private static final String INCIDENT_HEADER = "ods_code,month,category,degree_of_harm,count\n";
    private static final String CLAIM_HEADER = "claim_reference,ods_code,scheme,specialty,cause,injury,"
            + "incident_date,notification_date,status,damages_paid,defence_costs,claimant_costs\n";

    /** The callers of the matrix, in the order of the columns of {@link #matrix()}. */
    enum Who { ANONYMOUS, ADMIN, OPERATOR, RGT_EDITOR, RGT_MEMBER_ONLY, RJZ_EDITOR, OWN_TOKEN, OTHER_TOKEN }

    private KarafProcess karaf;
    private ApiClient api;
    private final Map<String, Caller> tokens = new HashMap<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private String downMeasure;
    private List<String> statements;

    @BeforeAll
    void startDistribution() throws Exception {
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "partner-routes-it");
        karaf = KarafProcess.unpack(Path.of(System.getProperty("distribution.archive")), dir);
        karaf.addUser("operator1", "operator1-secret", "operator");
        karaf.addUser("rgt-editor", "rgt-editor-secret", "member-editor", "member:RGT");
        karaf.addUser("rgt-member", "rgt-member-secret", "member:RGT");
        karaf.addUser("rjz-editor", "rjz-editor-secret", "member-editor", "member:RJZ");
        chooseDatabase(karaf);
        karaf.start();
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> karaf.console("safety:member-list --limit 1").contains("of 241 members"));
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1))
                .until(() -> karaf.console("safety:plan-show RV5").contains("[DEMO]"));
        karaf.console("feature:install safety-partner-cqc safety-partner-nhsla safety-partner-nhsi");
        api = new ApiClient(karaf.httpBase(), OpenApiValidator.of(OpenApiValidator.repositoryDocument()));
        for (String partner : List.of("cqc", "nhsla", "nhsi")) {
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                    .until(() -> api.get(ROUTE, partner, "nope").as(as(Who.ADMIN)).send().status() == 404
                            && !api.get(ROUTE, partner, "nope").as(as(Who.ADMIN)).send().body()
                            .contains("no partner routes are installed"));
            tokens.put(partner, Caller.bearer(partner + " token",
                    secretOf(karaf.console("safety:token-create " + partner + " PartnerRoutesIT"))));
        }
        // RGT's incidents (so that its harm series has months to record) and a lower-is-better measure to record into.
        Response imported = api.post(ROUTE, "nhsi", "incidents").as(as(Who.ADMIN)).raw("text/csv", INCIDENT_HEADER
                + "RGT,2013-04,maternity,moderate,4\nRGT,2014-04,maternity,moderate,2\n").send();
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        for (JsonNode m : api.get("/api/v1/members/{ods}/measures", "RGT").as(as(Who.ADMIN)).send().json()) {
            if ("DOWN".equalsIgnoreCase(m.path("measure").path("direction").asText())) {
                downMeasure = m.path("measure").path("key").asText();
            }
        }
        assertThat(downMeasure).as("a lower-is-better measure in RGT's demo plan").isNotNull();
        statements = new ArrayList<>();
        api.get(ROUTE, "cqc", "framework").as(as(Who.ADMIN)).send().json().path("keyQuestions")
                .forEach(q -> q.path("statements").forEach(s -> statements.add(s.path("id").asText())));
        assertThat(statements).hasSizeGreaterThan(2);
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

    private Caller as(Who who) {
        return switch (who) {
            case ANONYMOUS -> Caller.ANONYMOUS;
            case ADMIN -> Caller.basic("admin", "admin");
            case OPERATOR -> Caller.basic("operator1", "operator1-secret");
            case RGT_EDITOR -> Caller.basic("rgt-editor", "rgt-editor-secret");
            case RGT_MEMBER_ONLY -> Caller.basic("rgt-member", "rgt-member-secret");
            case RJZ_EDITOR -> Caller.basic("rjz-editor", "rjz-editor-secret");
            case OWN_TOKEN, OTHER_TOKEN -> throw new IllegalArgumentException("a token depends on the partner");
        };
    }

    private Caller as(Who who, String partner) {
        return switch (who) {
            case OWN_TOKEN -> tokens.get(partner);
            case OTHER_TOKEN -> tokens.get(partner.equals("cqc") ? "nhsi" : "cqc");
            default -> as(who);
        };
    }

    // --- the caller matrix ---------------------------------------------------------------------------------------

    /**
     * One partner route: how to call it (a fresh request for each attempt) and, for a write, how to read the state
     * it changes (refused attempts must leave it as it was).
     */
    record Route(String partner, String name, String expected, Function<Integer, Request> call,
                 Supplier<String> state) {
        @Override
        public String toString() {
            return partner + " " + name;
        }
    }

    /**
     * Columns: anonymous, admin, operator, RGT editor, member:RGT only, RJZ editor, own token, other partner's token.
     */
    Stream<Arguments> matrix() {
        String partnerOnly = "401 200 403 403 403 403 200 403";
        String partnerOnlyDelete = "401 204 403 403 403 403 204 403";
        String open = "200 200 200 200 200 200 200 200";
        String memberRead = "401 200 200 200 403 403 200 403";
        String memberEdit = "401 200 403 200 403 403 403 403";
        return Stream.of(
                // NHS Improvement
                route("nhsi", "GET national", open, n -> api.get(ROUTE, "nhsi", "national")),
                route("nhsi", "GET national csv", open, n -> api.get(ROUTE, "nhsi", "national").query("format", "csv")),
                route("nhsi", "GET catalogue", open, n -> api.get(ROUTE, "nhsi", "catalogue")),
                route("nhsi", "GET members/RGT/harm", memberRead, n -> api.get(ROUTE, "nhsi", "members/RGT/harm")),
                route("nhsi", "GET members/RGT/alignment", memberRead,
                        n -> api.get(ROUTE, "nhsi", "members/RGT/alignment")),
                write("nhsi", "POST members/RGT/harm", memberEdit,
                        n -> api.post(ROUTE, "nhsi", "members/RGT/harm").query("measure", downMeasure),
                        () -> api.get("/api/v1/members/{ods}/measures/{key}", "RGT", downMeasure)
                                .as(as(Who.ADMIN)).send().body()),
                write("nhsi", "POST incidents", partnerOnly, n -> api.post(ROUTE, "nhsi", "incidents")
                                .raw("text/csv", INCIDENT_HEADER + "RGT,2015-04,medication,moderate," + n + "\n"),
                        () -> api.get(ROUTE, "nhsi", "members/RGT/harm").as(as(Who.ADMIN)).send().body()),
                route("nhsi", "GET alignment", partnerOnly, n -> api.get(ROUTE, "nhsi", "alignment")),
                route("nhsi", "GET alignment csv", partnerOnly,
                        n -> api.get(ROUTE, "nhsi", "alignment").query("format", "csv")),
                route("nhsi", "GET alignment/RGT", partnerOnly, n -> api.get(ROUTE, "nhsi", "alignment/RGT")),
                route("nhsi", "GET gaps", partnerOnly, n -> api.get(ROUTE, "nhsi", "gaps")),
                // NHS LA
                write("nhsla", "POST claims", partnerOnly, n -> api.post(ROUTE, "nhsla", "claims").raw("text/csv",
                                CLAIM_HEADER + "PRIT/" + n + ",RGT,CNST,Nursing,Fall,Fracture,2014-01-03,2014-06-01,"
                                        + "settled,10000,1000,2000\n"),
                        () -> api.get(ROUTE, "nhsla", "profile/RGT").query("from", 2010).query("to", 2020)
                                .as(as(Who.ADMIN)).send().body()),
                route("nhsla", "GET profile", partnerOnly, n -> api.get(ROUTE, "nhsla", "profile")),
                route("nhsla", "GET profile/RGT", partnerOnly, n -> api.get(ROUTE, "nhsla", "profile/RGT")),
                route("nhsla", "GET linkage", partnerOnly, n -> api.get(ROUTE, "nhsla", "linkage")),
                route("nhsla", "GET linkage/RGT", partnerOnly, n -> api.get(ROUTE, "nhsla", "linkage/RGT")),
                write("nhsla", "POST bids", partnerOnly, n -> api.post(ROUTE, "nhsla", "bids").raw(
                                "application/json", "{\"ods\":\"RGT\",\"schemeYear\":2014,\"contribution\":\""
                                        + (5_000_000 + n) + "\",\"asked\":\"1000\",\"areas\":[\"Nursing\"]}"),
                        () -> api.get(ROUTE, "nhsla", "bids").query("year", 2014).as(as(Who.ADMIN)).send().body()),
                route("nhsla", "GET bids", partnerOnly, n -> api.get(ROUTE, "nhsla", "bids").query("year", 2014)),
                route("nhsla", "GET allocation", partnerOnly,
                        n -> api.get(ROUTE, "nhsla", "allocation").query("year", 2014)),
                route("nhsla", "GET members/RGT/summary", memberRead,
                        n -> api.get(ROUTE, "nhsla", "members/RGT/summary")),
                // CQC
                route("cqc", "GET framework", partnerOnly, n -> api.get(ROUTE, "cqc", "framework")),
                route("cqc", "GET evidence/RGT", partnerOnly, n -> api.get(ROUTE, "cqc", "evidence/RGT")),
                route("cqc", "GET evidence/RGT csv", partnerOnly,
                        n -> api.get(ROUTE, "cqc", "evidence/RGT").query("format", "csv")),
                route("cqc", "GET evidence?members=RGT", partnerOnly,
                        n -> api.get(ROUTE, "cqc", "evidence").query("members", "RGT")),
                route("cqc", "GET gaps/RGT", partnerOnly, n -> api.get(ROUTE, "cqc", "gaps/RGT")),
                route("cqc", "GET registrations/RGT", partnerOnly, n -> api.get(ROUTE, "cqc", "registrations/RGT")),
                route("cqc", "GET mappings/RGT", partnerOnly, n -> api.get(ROUTE, "cqc", "mappings/RGT")),
                write("cqc", "POST providers", partnerOnly, n -> api.post(ROUTE, "cqc", "providers").raw(
                                "application/json", "{\"providerId\":\"1-IT" + n + "\",\"name\":\"Trust " + n
                                        + "\",\"odsCode\":\"RGT\"}"),
                        () -> api.get(ROUTE, "cqc", "registrations/RGT").as(as(Who.ADMIN)).send().body()),
                write("cqc", "PUT mappings/RGT/action/1", partnerOnly, n -> api.put(ROUTE, "cqc",
                                "mappings/RGT/action/1").raw("application/json",
                                "{\"statements\":[\"" + statements.get(n % 2) + "\"]}"),
                        () -> api.get(ROUTE, "cqc", "mappings/RGT").as(as(Who.ADMIN)).send().body()),
                write("cqc", "DELETE mappings/RGT/action/2", partnerOnlyDelete, n -> {
                    Response set = api.put(ROUTE, "cqc", "mappings/RGT/action/2").as(as(Who.ADMIN))
                            .raw("application/json", "{\"statements\":[\"" + statements.get(2) + "\"]}").send();
                    assertThat(set.status()).as(set.body()).isEqualTo(200);
                    return api.request("DELETE", ROUTE, "cqc", "mappings/RGT/action/2");
                }, () -> api.get(ROUTE, "cqc", "mappings/RGT").as(as(Who.ADMIN)).send().body()))
                .map(Arguments::of);
    }

    private static Route route(String partner, String name, String expected, Function<Integer, Request> call) {
        return new Route(partner, name, expected, call, null);
    }

    private static Route write(String partner, String name, String expected, Function<Integer, Request> call,
                               Supplier<String> state) {
        return new Route(partner, name, expected, call, state);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void answersEveryCallerOfEveryPartnerRouteByTheRuleCoreApplies(Route route) {
        String[] expected = route.expected().split(" ");
        assertThat(expected).hasSize(Who.values().length);
        List<String> wrong = new ArrayList<>();
        for (Who who : Who.values()) {
            int want = Integer.parseInt(expected[who.ordinal()]);
            int n = sequence.incrementAndGet();
            Request request = route.call().apply(n);
            String before = route.state() == null || want < 400 ? null : route.state().get();
            Response r = request.as(as(who, route.partner())).send();
            if (r.status() != want) {
                wrong.add(who + ": " + r.status() + " (expected " + want + ") " + abbreviate(r.body()));
                continue;
            }
            if (want >= 400) {
                assertThat(r.header("Content-Type")).as(route + " as " + who).startsWith("application/problem+json");
                if (before != null) {
                    assertThat(route.state().get()).as(route + " refused to " + who + " changed nothing")
                            .isEqualTo(before);
                }
            }
        }
        assertThat(wrong).as(route + ": the cells that differ from the table").isEmpty();
    }

    // --- CSV exports ---------------------------------------------------------------------------------------------

    /**
     * A published action of RGT whose text and owner are OWASP formula payloads: the CQC evidence CSV (alone and in
     * its ZIP), and the NHSI alignment and national CSVs, hold no cell a spreadsheet would run as a formula; numbers
     * (negative ones included) are written as they are.
     */
    @Test
    void everyPartnerCsvOverHttpWritesFormulaTextAsText() throws Exception {
        String text = "=HYPERLINK(\"http://example.invalid\",\"x\") " + sequence.incrementAndGet();
        Response added = api.post("/api/v1/members/{ods}/actions", "RGT").as(as(Who.ADMIN)).json(
                Map.of("pledge", 2, "text", text, "ownerRole", "@SUM(1+1)", "dueDate", "2016-03-31",
                        "status", "planned")).send();
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        Response published = api.post("/api/v1/members/{ods}/actions/{id}/publish", "RGT",
                added.json().path("id").asLong()).as(as(Who.ADMIN)).ifMatch(added.etag()).send();
        assertThat(published.status()).as(published.body()).isEqualTo(200);

        String evidence = api.get(ROUTE, "cqc", "evidence/RGT").query("from", "2000-01-01").query("format", "csv")
                .as(as(Who.ADMIN)).send().body();
        assertThat(cells(evidence)).as("the CQC evidence CSV").contains("'" + text);
        assertSafe("CQC evidence CSV", evidence);
        for (String path : List.of("alignment", "national")) {
            Response csv = api.get(ROUTE, "nhsi", path).query("format", "csv").as(as(Who.ADMIN)).send();
            assertThat(csv.status()).isEqualTo(200);
            assertSafe("NHSI " + path + " CSV", csv.body());
        }
    }

    private static List<String> cells(String csv) throws IOException {
        List<String> cells = new ArrayList<>();
        for (CSVRecord r : CSVFormat.RFC4180.parse(new StringReader(csv))) {
            r.forEach(cells::add);
        }
        return cells;
    }

    private static void assertSafe(String what, String csv) throws IOException {
        List<String> cells = cells(csv);
        assertThat(cells).as(what).isNotEmpty();
        assertThat(cells).as(what + ": cells a spreadsheet would run as formulas")
                .filteredOn(c -> !c.isEmpty() && "=+-@\t\r".indexOf(c.charAt(0)) >= 0)
                .allSatisfy(c -> assertThat(c).matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?"));
    }

    // --- bad input -----------------------------------------------------------------------------------------------

    /** A malformed value for one partner route, the status expected and the field the problem must name. */
    record Bad(String name, int status, String field, Supplier<Request> call) {
        @Override
        public String toString() {
            return name;
        }
    }

    Stream<Arguments> badInput() {
        String longName = "x".repeat(301);
        return Stream.of(
                // NHS Improvement
                bad("nhsi national format=xml", 400, "format",
                        () -> api.get(ROUTE, "nhsi", "national").query("format", "xml")),
                bad("nhsi alignment format=xml", 400, "format",
                        () -> api.get(ROUTE, "nhsi", "alignment").query("format", "xml")),
                bad("nhsi harm of a malformed ODS code", 400, "ods",
                        () -> api.get(ROUTE, "nhsi", "members/R!G%/harm")),
                bad("nhsi alignment of a malformed ODS code", 400, "ods",
                        () -> api.get(ROUTE, "nhsi", "alignment/R!G%")),
                bad("nhsi record harm without a measure", 400, "measure",
                        () -> api.post(ROUTE, "nhsi", "members/RGT/harm")),
                bad("nhsi record harm into an unknown measure", 400, "measure",
                        () -> api.post(ROUTE, "nhsi", "members/RGT/harm").query("measure", "no-such%measure")),
                bad("nhsi incidents with an empty header name", 400, "column 2",
                        () -> api.post(ROUTE, "nhsi", "incidents").raw("text/csv",
                                "ods_code,,month,category,degree_of_harm,count\nRGT,x,2013-04,maternity,moderate,1\n")),
                bad("nhsi incidents with a trailing comma in the header", 400, "column 6",
                        () -> api.post(ROUTE, "nhsi", "incidents").raw("text/csv",
                                "ods_code,month,category,degree_of_harm,count,\nRGT,2013-04,maternity,moderate,1,\n")),
                bad("nhsi incidents with a malformed header", 400, "header",
                        () -> api.post(ROUTE, "nhsi", "incidents").raw("text/csv", "\"ods_code\"x,month\n")),
                bad("nhsi incidents with a bad month", 400, "month",
                        () -> api.post(ROUTE, "nhsi", "incidents").raw("text/csv",
                                INCIDENT_HEADER + "RGT,2013-13,maternity,moderate,1\n")),
                bad("nhsi incidents with a negative count", 400, "count",
                        () -> api.post(ROUTE, "nhsi", "incidents").raw("text/csv",
                                INCIDENT_HEADER + "RGT,2013-04,maternity,moderate,-1\n")),
                bad("nhsi incidents missing a column", 400, "count",
                        () -> api.post(ROUTE, "nhsi", "incidents").raw("text/csv",
                                "ods_code,month,category,degree_of_harm\nRGT,2013-04,maternity,moderate\n")),
                // NHS LA
                bad("nhsla profile from=20x4", 400, "from",
                        () -> api.get(ROUTE, "nhsla", "profile").query("from", "20x4")),
                bad("nhsla linkage to=abc", 400, "to", () -> api.get(ROUTE, "nhsla", "linkage").query("to", "abc")),
                bad("nhsla bids year=x", 400, "year", () -> api.get(ROUTE, "nhsla", "bids").query("year", "x")),
                bad("nhsla allocation year=99999999999", 400, "year",
                        () -> api.get(ROUTE, "nhsla", "allocation").query("year", "99999999999")),
                bad("nhsla profile of a malformed ODS code", 400, "ods",
                        () -> api.get(ROUTE, "nhsla", "profile/R!G%")),
                bad("nhsla summary of a malformed ODS code", 400, "ods",
                        () -> api.get(ROUTE, "nhsla", "members/R!G%/summary")),
                bad("nhsla claims with an empty header name", 400, "column 3",
                        () -> api.post(ROUTE, "nhsla", "claims").raw("text/csv", CLAIM_HEADER.replace("scheme,", ",")
                                + "B/1,RGT,CNST,Nursing,Fall,Fracture,2014-01-03,2014-06-01,settled,1,1,1\n")),
                bad("nhsla claims with a bad date", 400, "incident_date",
                        () -> api.post(ROUTE, "nhsla", "claims").raw("text/csv", CLAIM_HEADER
                                + "B/2,RGT,CNST,Nursing,Fall,Fracture,2014-02-31,2014-06-01,settled,1,1,1\n")),
                bad("nhsla bid that is not JSON", 400, "body",
                        () -> api.post(ROUTE, "nhsla", "bids").raw("application/json", "{\"ods\":")),
                bad("nhsla bid without fields", 400, "schemeYear",
                        () -> api.post(ROUTE, "nhsla", "bids").raw("application/json", "{}")),
                bad("nhsla bid with a text contribution", 400, "contribution",
                        () -> api.post(ROUTE, "nhsla", "bids").raw("application/json", "{\"ods\":\"RGT\","
                                + "\"schemeYear\":2014,\"contribution\":\"lots\",\"asked\":\"1\",\"areas\":[]}")),
                bad("nhsla bid with too many areas", 400, "areas",
                        () -> api.post(ROUTE, "nhsla", "bids").raw("application/json", "{\"ods\":\"RGT\","
                                + "\"schemeYear\":2014,\"contribution\":\"100\",\"asked\":\"1\",\"areas\":[\""
                                + String.join("\",\"", Collections.nCopies(400, "y".repeat(10))) + "\"]}")),
                bad("nhsla bid with a malformed ODS code", 400, "ods",
                        () -> api.post(ROUTE, "nhsla", "bids").raw("application/json", "{\"ods\":\"R!\","
                                + "\"schemeYear\":2014,\"contribution\":\"100\",\"asked\":\"1\",\"areas\":[]}")),
                // CQC
                bad("cqc evidence of a malformed ODS code", 400, "ods", () -> api.get(ROUTE, "cqc", "evidence/R!G%")),
                bad("cqc evidence format=pdf", 400, "format",
                        () -> api.get(ROUTE, "cqc", "evidence/RGT").query("format", "pdf")),
                bad("cqc evidence from=yesterday", 400, "from",
                        () -> api.get(ROUTE, "cqc", "evidence/RGT").query("from", "yesterday")),
                bad("cqc gaps to=2024-13-01", 400, "to",
                        () -> api.get(ROUTE, "cqc", "gaps/RGT").query("to", "2024-13-01")),
                bad("cqc bulk evidence without members", 400, "members", () -> api.get(ROUTE, "cqc", "evidence")),
                bad("cqc bulk evidence with a malformed code", 400, "ods",
                        () -> api.get(ROUTE, "cqc", "evidence").query("members", "RGT,R!")),
                bad("cqc providers as text/plain", 400, "Content-Type",
                        () -> api.post(ROUTE, "cqc", "providers").raw("text/plain", "{}")),
                bad("cqc providers that are not JSON", 400, "file",
                        () -> api.post(ROUTE, "cqc", "providers").raw("application/json", "{\"providerId\":")),
                bad("cqc provider name over its column", 400, "name",
                        () -> api.post(ROUTE, "cqc", "providers").raw("application/json",
                                "{\"providerId\":\"1-LONG\",\"name\":\"" + longName + "\",\"odsCode\":\"RGT\"}")),
                bad("cqc provider id over its column", 400, "providerId",
                        () -> api.post(ROUTE, "cqc", "providers").raw("application/json",
                                "{\"providerId\":\"1-" + "9".repeat(30) + "\",\"name\":\"n\",\"odsCode\":\"RGT\"}")),
                bad("cqc provider region over its column", 400, "region",
                        () -> api.post(ROUTE, "cqc", "providers").raw("application/json",
                                "{\"providerId\":\"1-R\",\"name\":\"n\",\"odsCode\":\"RGT\",\"region\":\""
                                        + "r".repeat(101) + "\"}")),
                bad("cqc provider postcode over its column", 400, "postalCode",
                        () -> api.post(ROUTE, "cqc", "providers").raw("application/json",
                                "{\"providerId\":\"1-P\",\"name\":\"n\",\"odsCode\":\"RGT\",\"postalCode\":\""
                                        + "SE5 9RS SE5 9RS\"}")),
                bad("cqc location name over its column", 400, "locations[0].name",
                        () -> api.post(ROUTE, "cqc", "providers").raw("application/json",
                                "{\"locations\":[{\"locationId\":\"1-L\",\"providerId\":\"1-P\",\"name\":\""
                                        + longName + "\",\"odsCode\":\"RGT01\"}]}")),
                bad("cqc mapping kind with a percent sign (decoded once only)", 400, "kind",
                        () -> api.put(ROUTE, "cqc", "mappings/RGT/act%ion/1").raw("application/json",
                                "{\"statements\":[]}")),
                bad("cqc mapping key with a lone percent sign", 400, "key",
                        () -> api.put(ROUTE, "cqc", "mappings/RGT/action/" + "%".repeat(61))
                                .raw("application/json", "{\"statements\":[]}")),
                bad("cqc mapping of a malformed ODS code", 400, "ods",
                        () -> api.put(ROUTE, "cqc", "mappings/R!G/action/1").raw("application/json",
                                "{\"statements\":[]}")),
                bad("cqc mapping body that is not JSON", 400, "body",
                        () -> api.put(ROUTE, "cqc", "mappings/RGT/action/1").raw("application/json", "{\"st")),
                bad("cqc mapping body null", 400, "body",
                        () -> api.put(ROUTE, "cqc", "mappings/RGT/action/1").raw("application/json", "null")),
                bad("cqc mapping with a null statement", 400, "statements",
                        () -> api.put(ROUTE, "cqc", "mappings/RGT/action/1").raw("application/json",
                                "{\"statements\":[null]}")),
                bad("cqc mapping with an unknown field", 400, "statement",
                        () -> api.put(ROUTE, "cqc", "mappings/RGT/action/1").raw("application/json",
                                "{\"statement\":[]}")))
                .map(Arguments::of);
    }

    private static Bad bad(String name, int status, String field, Supplier<Request> call) {
        return new Bad(name, status, field, call);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    void answersBadInputWithAProblemNamingTheFieldNeverA500(Bad bad) {
        Response r = bad.call().get().as(Caller.basic("admin", "admin")).send();
        assertThat(r.status()).as(r + ": " + r.body()).isEqualTo(bad.status());
        assertThat(r.header("Content-Type")).as(r.body()).startsWith("application/problem+json");
        assertThat(r.errorFields()).as(r.body()).contains(bad.field());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongMethods")
    void answersAWrongMethodWith405ProblemAndAllow(String partner, String method, String path) {
        Response r = api.request(method, ROUTE, partner, path).as(Caller.basic("admin", "admin")).send();
        assertThat(r.status()).as(r + ": " + r.body()).isEqualTo(405);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.header("Allow")).isNotBlank();
    }

    static Stream<Arguments> wrongMethods() {
        return Stream.of(Arguments.of("nhsi", "DELETE", "gaps"), Arguments.of("nhsi", "PUT", "incidents"),
                Arguments.of("nhsla", "PUT", "profile"), Arguments.of("nhsla", "DELETE", "claims"),
                Arguments.of("cqc", "POST", "framework"), Arguments.of("cqc", "GET", "providers"));
    }

    private static String abbreviate(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    private static String secretOf(String consoleOutput) {
        return consoleOutput.lines().map(String::trim).filter(l -> l.startsWith("Secret: "))
                .map(l -> l.substring("Secret: ".length()).trim()).findFirst()
                .orElseThrow(() -> new IllegalStateException("no 'Secret: ' line in: " + consoleOutput));
    }
}
