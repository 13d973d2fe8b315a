package uk.nhs.safety.partner.nhsi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.nhs.safety.partner.testkit.RouteAnswers.answered;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.nhs.safety.campaign.api.DriverDiagram;
import uk.nhs.safety.campaign.api.Measure;
import uk.nhs.safety.campaign.api.MeasureType;
import uk.nhs.safety.campaign.api.OrganisationType;
import uk.nhs.safety.campaign.api.PlanContent;
import uk.nhs.safety.campaign.api.ValidationException;
import uk.nhs.safety.campaign.api.spc.ImprovementDirection;
import uk.nhs.safety.campaign.api.partner.ExportRequest;
import uk.nhs.safety.campaign.api.partner.PartnerRequest;
import uk.nhs.safety.campaign.api.partner.PartnerResponse;
import uk.nhs.safety.campaign.api.partner.RouteAccess;
import uk.nhs.safety.partner.nhsi.internal.catalogue.CatalogueLoader;
import uk.nhs.safety.partner.nhsi.internal.export.AlignmentExporter;
import uk.nhs.safety.partner.nhsi.internal.export.NationalExporter;
import uk.nhs.safety.partner.testkit.PartnerStoreKind;
import uk.nhs.safety.partner.testkit.StoreTest;
import uk.nhs.safety.campaign.api.partner.ScriptSource;

class NhsiRoutesTest {

    private static final String HEADER = "ods_code,month,category,degree_of_harm,count\n";

    private final Fakes.FakeCampaign campaign = new Fakes.FakeCampaign()
            .member("RGT", OrganisationType.ACUTE, "East of England", "CB2 0QQ")
            .member("RJZ", OrganisationType.ACUTE, "London", "SE5 9RS")
            .plan("RGT", new PlanContent("Plan", LocalDate.of(2014, 4, 1), LocalDate.of(2017, 3, 31),
                    List.of("maternity"), new DriverDiagram("Safer births", List.of(), List.of(), List.of()),
                    List.of()), Instant.parse("2014-09-10T10:00:00Z"));
    private final NhsiService service;
    private final NhsiRoutes routes;

    private final ObjectMapper mapper = new ObjectMapper();

    NhsiRoutesTest(PartnerStoreKind store) {
        this.service = new NhsiService(store.open("nhsi", ScriptSource.classpath(NhsiService.class, "db")), campaign,
                Fakes.meanOnly(),
                Clock.fixed(Instant.parse("2015-06-15T12:00:00Z"), ZoneOffset.UTC), Settings.defaults(),
                CatalogueLoader.bundled());
        this.routes = new NhsiRoutes(service);
    }

    private PartnerResponse call(String method, String path, String body, Set<String> roles) {
        return answered(() -> routes.handle(new PartnerRequest(method, path, Map.of(), "text/csv",
                body == null ? null : body.getBytes(StandardCharsets.UTF_8), "tester", roles)));
    }

    private PartnerResponse call(String method, String path, String body, Set<String> roles, String measure) {
        return answered(() -> routes.handle(new PartnerRequest(method, path.replaceAll("\\?.*", ""),
                Map.of("measure", List.of(measure)), null, null, "tester", roles)));
    }

    private JsonNode json(PartnerResponse r) throws Exception {
        return mapper.readTree(r.body());
    }

    private void importData() {
        // RGT: baseline 2013-04 moderate 10, death 2; 2014-04 moderate 6, death 1; 2015-04 moderate 5.
        call("POST", "/incidents", HEADER
                + "RGT,2013-04,medication,moderate,10\nRGT,2013-04,medication,death,2\nRGT,2013-04,medication,low,50\n"
                + "RGT,2014-04,medication,moderate,6\nRGT,2014-04,medication,death,1\n"
                + "RGT,2015-04,maternity,moderate,5\n", Set.of("admin"));
    }

    @StoreTest
    void nationalAndCatalogueArePublicMemberDataOnlyForAuthenticatedCallers() {
        assertThat(routes.access("GET", "/national")).isEqualTo(RouteAccess.PUBLIC);
        assertThat(routes.access("GET", "/catalogue/")).isEqualTo(RouteAccess.PUBLIC);
        assertThat(routes.access("GET", "/members/RGT/harm")).isEqualTo(RouteAccess.AUTHENTICATED);
        assertThat(routes.access("GET", "/alignment")).isEqualTo(RouteAccess.PARTNER);
        assertThat(routes.access("POST", "/incidents")).isEqualTo(RouteAccess.PARTNER);
        assertThat(routes.access("POST", "/national")).isEqualTo(RouteAccess.PARTNER);
        assertThat(routes.access("POST", "/members/RGT/harm")).isEqualTo(RouteAccess.AUTHENTICATED);
    }

    @StoreTest
    void memberHarmIsForItsOwnEditorsNhsImprovementAndAdminsOnly() throws Exception {
        importData();

        assertThat(call("GET", "/members/RGT/harm", null, Set.of("member-editor", "member:RJZ")).status())
                .isEqualTo(403);
        assertThat(call("GET", "/members/RGT/harm", null, Set.of("partner", "partner:nhsla")).status())
                .isEqualTo(403);
        assertThat(call("GET", "/members/RGT/harm", null, Set.of("member:RGT")).status())
                .as("member:RGT without member-editor is no editor of RGT").isEqualTo(403);
        assertThat(call("GET", "/members/RGT/alignment", null, Set.of("member:RGT")).status()).isEqualTo(403);
        assertThat(call("GET", "/members/RGT/harm", null, Set.of("operator")).status()).isEqualTo(200);
        assertThat(call("GET", "/members/RGT/harm", null, Set.of("partner", "partner:nhsi")).status()).isEqualTo(200);
        PartnerResponse own = call("GET", "/members/rgt/harm", null, Set.of("member-editor", "member:RGT"));
        assertThat(own.status()).isEqualTo(200);
        JsonNode harm = json(own);
        assertThat(harm.get("points")).hasSize(3);
        // 2013-04: moderate 10 + death 2 = 12; 2014-04: 6 + 1 = 7; 2015-04: 5.
        assertThat(harm.get("points").get(0).get("moderateOrWorse").asLong()).isEqualTo(12);
        assertThat(harm.get("points").get(1).get("moderateOrWorse").asLong()).isEqualTo(7);
        assertThat(harm.get("spc").get("points")).hasSize(3);
        assertThat(harm.get("spc").get("points").get(0).get("period").asText()).isEqualTo("2013-04-01");
        assertThat(harm.get("improvement").asText()).isEqualTo("down");
        assertThat(call("GET", "/members/RGT/harm", null, Set.of("partner", "partner:nhsi")).status())
                .isEqualTo(200);
    }

    @StoreTest
    void nationalRollupCarriesTheFieldsTheDashboardReads() throws Exception {
        importData();
        // RXX is not a member: its 50 deaths at baseline and none later would add 50 lives if it were counted.
        call("POST", "/incidents", HEADER + "RXX,2013-04,medication,death,50\nRXX,2015-04,medication,death,0\n",
                Set.of("admin"));

        JsonNode n = json(call("GET", "/national", null, Set.of()));

        assertThat(n.get("catalogueVersion").asText()).isEqualTo("2023.1");
        assertThat(n.get("asOf").asText()).isEqualTo("2015-06-15");
        assertThat(n.get("dataTo").asText()).isEqualTo("2015-04");
        assertThat(n.get("headline")).extracting(h -> h.get("key").asText())
                .containsExactly("members", "plans-published", "harm-reduction", "lives-saved");
        assertThat(n.get("headline").get(0).get("label").asText()).isEqualTo("Members signed up");
        assertThat(n.get("headline").get(0).get("value").asInt()).isEqualTo(2);
        assertThat(n.get("headline").get(1).get("value").asInt()).isEqualTo(1);
        // Baseline (2013-04 to 2014-03): RGT 12 a month. Window: the 12 months up to 2015-04 = 2014-05..2015-04,
        // where RGT reported 2015-04 only: 5. Reduction = (12 - 5) / 12 = 58.33..% -> 58.3.
        assertThat(n.get("headline").get(2).get("value").asDouble()).isEqualTo(58.3);
        // Lives: baseline deaths 2, severe 0. After the baseline: 2014-04 deaths 1 (avoided 1), 2015-04 deaths 0
        // (avoided 2) = 3 x 1.0; severe 0 -> 3.0.
        assertThat(n.get("headline").get(3).get("value").asDouble()).isEqualTo(3.0);
        JsonNode harm = n.get("series").get(0);
        assertThat(harm.get("key").asText()).isEqualTo("moderate-harm");
        assertThat(harm.get("improvement").asText()).isEqualTo("down");
        assertThat(harm.get("points").get(0).get("period").asText()).isEqualTo("2013-04");
        assertThat(harm.get("points").get(0).get("value").asDouble()).isEqualTo(12.0);
        assertThat(harm.get("points").get(0).has("total")).isFalse();
        assertThat(harm.get("spc").has("phases")).isTrue();
        // Members joined by month, with the running total: both joined in 2014-06.
        JsonNode joined = n.get("series").get(2);
        assertThat(joined.get("key").asText()).isEqualTo("members-joined");
        assertThat(joined.get("points").get(0).get("period").asText()).isEqualTo("2014-06");
        assertThat(joined.get("points").get(0).get("total").asLong()).isEqualTo(2);
        assertThat(n.get("method").get("assumptions").fieldNames()).toIterable().containsExactly("baselineFrom",
                "baselineTo", "windowMonths", "deathFraction", "severeFraction", "harmGoalPercent", "livesGoal");
        assertThat(harm.get("spc").get("variation").asText()).isEqualTo("common_cause");
        assertThat(n.get("method").get("livesSaved").asText()).contains("deathFraction");
        assertThat(n.get("method").get("assumptions").get("severeFraction").asDouble()).isEqualTo(0.1);
    }

    @StoreTest
    void alignmentTableAndNationalExportAsCsvAndJson() throws Exception {
        importData();

        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        new AlignmentExporter(service).export(new ExportRequest("csv", null, null, null, Map.of()), csv);
        String text = csv.toString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("ods_code,name,type,region,collaborative,plan_status,plan_version,"
                + "catalogue_version,priority,applies,expected,why_expected,addressed,evidence,"
                + "member_coverage_percent");
        // RGT reported 5 maternity incidents in the window (2014-05 to 2015-04): maternity is expected, and its
        // plan names maternity. Expected: maternity + the 6 every acute trust is = 7; addressed: maternity = 1;
        // coverage 1 / 7 = 14.3 %.
        assertThat(text).contains("RGT,Trust RGT,acute,East of England,eastern,published,1,2023.1,"
                + "maternity-neonatal,true,true,5 incident(s) in maternity (trigger 1),true,focus area maternity;"
                + " aim: 'birth',14.3");
        assertThat(text).contains("RJZ,Trust RJZ,acute,London,south-london,none,0,");

        ByteArrayOutputStream json = new ByteArrayOutputStream();
        new NationalExporter(service).export(new ExportRequest("json", null, null, null, Map.of()), json);
        assertThat(mapper.readTree(json.toByteArray()).get("headline")).hasSize(4);
        ByteArrayOutputStream national = new ByteArrayOutputStream();
        new NationalExporter(service).export(new ExportRequest("csv", null, null, null, Map.of()), national);
        assertThat(national.toString(StandardCharsets.UTF_8)).contains("series,moderate-harm,");

        assertThatThrownBy(() -> new NationalExporter(service).export(new ExportRequest("xml", null, null, null,
                Map.of()), new ByteArrayOutputStream())).isInstanceOf(ValidationException.class)
                .hasMessage("format 'xml': one of csv, json");
    }

    @StoreTest
    void harmSeriesIsRecordedIntoAPlanMeasureOnlyWhereValuesChanged() throws Exception {
        importData();
        campaign.measure("RGT", new Measure("harm", "Moderate harm or worse", MeasureType.OUTCOME, "NRLS", "a month",
                ImprovementDirection.DOWN, null, null, "aim", List.of()));
        campaign.measure("RGT", new Measure("up", "Up", MeasureType.PROCESS, "x", "%", ImprovementDirection.UP, null,
                null, "aim", List.of()));
        Set<String> editor = Set.of("member-editor", "member:RGT");

        JsonNode first = json(call("POST", "/members/RGT/harm?measure=harm", null, editor, "harm"));
        JsonNode again = json(call("POST", "/members/RGT/harm", null, editor, "harm"));

        // Months 2013-04 (12), 2014-04 (7), 2015-04 (5): three recorded, then none.
        assertThat(campaign.recorded).containsExactly("RGT harm 2013-04-01 12.0 tester",
                "RGT harm 2014-04-01 7.0 tester", "RGT harm 2015-04-01 5.0 tester");
        assertThat(first.get("recorded").asInt()).isEqualTo(3);
        assertThat(again.get("recorded").asInt()).isZero();
        assertThat(again.get("unchanged").asInt()).isEqualTo(3);
        assertThat(call("POST", "/members/RGT/harm", null, Set.of("member:RJZ"), "harm").status()).isEqualTo(403);
        // The rule core applies to its own measurement route: member:RGT without member-editor may not write, nor
        // may operators or NHS Improvement's own token (reading is not editing).
        for (Set<String> refused : List.of(Set.of("member:RGT"), Set.of("operator"), Set.of("partner", "partner:nhsi"),
                Set.of("member-editor", "member:RJZ"))) {
            assertThat(call("POST", "/members/RGT/harm", null, refused, "harm").status()).as(refused.toString())
                    .isEqualTo(403);
        }
        assertThatThrownBy(() -> call("POST", "/members/RGT/harm", null, editor, "up"))
                .isInstanceOf(ValidationException.class).hasMessage("measure 'up': moderate-or-worse harm improves"
                        + " downwards, but this measure's direction is up");
        assertThatThrownBy(() -> call("POST", "/members/RGT/harm", null, editor, "none"))
                .hasMessageStartingWith("measure 'none': the working plan of RGT has no such measure");
        assertThat(campaign.recorded).hasSize(3);
    }

    @StoreTest
    void nationalRollupIsKeptUntilAnImportChangesTheData() throws Exception {
        JsonNode before = json(call("GET", "/national", null, Set.of()));
        campaign.member("RAJ", OrganisationType.ACUTE, "London", "N1 1AA");
        JsonNode kept = json(call("GET", "/national", null, Set.of()));
        importData();
        JsonNode after = json(call("GET", "/national", null, Set.of()));

        assertThat(before.get("headline").get(0).get("value").asInt()).isEqualTo(2);
        assertThat(kept.get("headline").get(0).get("value").asInt()).isEqualTo(2);
        assertThat(after.get("headline").get(0).get("value").asInt()).isEqualTo(3);
        assertThat(after.get("dataTo").asText()).isEqualTo("2015-04");
    }

    @StoreTest
    void gapsListMembersWithoutPublishedPlans() throws Exception {
        JsonNode gaps = json(call("GET", "/gaps", null, Set.of("admin")));

        assertThat(gaps.get("members").asInt()).isEqualTo(2);
        assertThat(gaps.get("published").asInt()).isEqualTo(1);
        assertThat(gaps.get("withoutPlan").get(0).get("odsCode").asText()).isEqualTo("RJZ");
    }
}
