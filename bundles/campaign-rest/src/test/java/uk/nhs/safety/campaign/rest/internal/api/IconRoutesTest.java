package uk.nhs.safety.campaign.rest.internal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.nhs.safety.campaign.api.IconSummary;
import uk.nhs.safety.campaign.api.MeasureIcons;
import uk.nhs.safety.campaign.api.MeasureProgress;
import uk.nhs.safety.campaign.api.MeasureService;
import uk.nhs.safety.campaign.api.Measurement;
import uk.nhs.safety.campaign.api.MemberIcons;
import uk.nhs.safety.campaign.api.NotFoundException;
import uk.nhs.safety.campaign.api.access.CallerAccess;
import uk.nhs.safety.campaign.api.event.CampaignEvent;
import uk.nhs.safety.campaign.api.event.CampaignTopics;
import uk.nhs.safety.campaign.api.spc.Assurance;
import uk.nhs.safety.campaign.api.spc.ChartType;
import uk.nhs.safety.campaign.api.spc.ImprovementDirection;
import uk.nhs.safety.campaign.api.spc.Variation;
import uk.nhs.safety.campaign.rest.internal.http.FakeRequest;
import uk.nhs.safety.campaign.rest.internal.http.Json;
import uk.nhs.safety.campaign.rest.internal.http.Renderer;
import uk.nhs.safety.campaign.rest.internal.security.Caller;

/**
 * The icon summary routes map core's summary to JSON and CSV (a header line, RFC 4180 quoting, formula-like cells
 * neutralised), show the draft to the member's editors only, and keep anonymous answers in the published cache until
 * a change.
 */
class IconRoutesTest {

    private static final LocalDate MAY = LocalDate.of(2015, 5, 1);

    /** Core's part, faked: what it was asked, and fixed answers. */
    private final class Icons implements MeasureService {
        final List<String> asked = new ArrayList<>();

        @Override
        public MemberIcons icons(String odsCode, CallerAccess caller) {
            asked.add(odsCode + (caller.mayEdit(odsCode) ? " as editor" : ""));
            if (!"RGT".equals(odsCode) && !"RXX".equals(odsCode)) {
                throw new NotFoundException("no member has ODS code " + odsCode);
            }
            return caller.mayEdit(odsCode) ? new MemberIcons(odsCode, "Trust, \"A\"", "London", null,
                    List.of(falls("draft-only", Variation.COMMON_CAUSE, Assurance.NOT_APPLICABLE, null)))
                    : members().get("RGT".equals(odsCode) ? 0 : 1);
        }

        @Override
        public IconSummary nationalIcons() {
            asked.add("national");
            return IconSummary.of(members());
        }

        private List<MemberIcons> members() {
            return List.of(new MemberIcons("RGT", "Trust, \"A\"", "London", 2, List.of(
                            falls("falls", Variation.CONCERN_HIGH, Assurance.INCONSISTENT, 9.0),
                            falls("=cmd", Variation.COMMON_CAUSE, Assurance.CONSISTENTLY_PASSES, 1.5))),
                    new MemberIcons("RXX", "Trust B", null, 1, List.of(
                            falls("falls", Variation.IMPROVEMENT_LOW, Assurance.CONSISTENTLY_PASSES, 0.2))));
        }

        @Override
        public Measurement record(String actor, String odsCode, String measureKey, LocalDate period, double value,
                                  String annotation) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Measurement> measurements(String odsCode, String measureKey) {
            throw new UnsupportedOperationException();
        }

        @Override
        public MeasureProgress progress(String odsCode, String measureKey) {
            throw new UnsupportedOperationException();
        }

        @Override
        public MeasureProgress progress(String odsCode, String measureKey, CallerAccess caller) {
            throw new UnsupportedOperationException();
        }
    }

    private static MeasureIcons falls(String key, Variation v, Assurance a, Double latest) {
        return new MeasureIcons(key, "Falls " + key, "per 1,000 bed days", ImprovementDirection.DOWN, ChartType.XMR,
                "MDC", "2023-11", v, a, false, 14, latest, 0.4, latest == null ? null : MAY);
    }

    private final Icons icons = new Icons();
    private final FakeCampaign campaign = new FakeCampaign();
    private final PublishedCache cache = new PublishedCache(100);
    private final CampaignApi api;
    private final RequestPipeline pipeline = new RequestPipeline((authorization, remote) -> authorization == null
            ? Caller.ANONYMOUS : new Caller("ed", Set.of("member-editor", "member:RGT")), new Json());
    private final ObjectMapper mapper = new ObjectMapper();

    IconRoutesTest() {
        CampaignServices base = campaign.services();
        api = new CampaignApi(new CampaignServices(base.members(), base.pledges(), base.plans(), icons, base.audit(),
                base.partners()), new PartnerDirectory(), new Json(), () -> null, cache);
    }

    private Renderer.Rendered send(FakeRequest request) {
        return pipeline.process(request, api, () -> RestSettings.DEFAULTS);
    }

    private JsonNode json(Renderer.Rendered out) throws IOException {
        assertThat(out.status()).isEqualTo(200);
        return mapper.readTree(out.body());
    }

    private static List<CSVRecord> csv(Renderer.Rendered out) throws IOException {
        assertThat(out.status()).isEqualTo(200);
        return CSVFormat.RFC4180.parse(new StringReader(new String(out.body(), StandardCharsets.UTF_8))).getRecords();
    }

    @Test
    void givesTheNationalSummaryByRegionWithCountsAndEachIconInWords() throws IOException {
        JsonNode national = json(send(FakeRequest.of("GET", "/icons")));

        assertThat(national.at("/total/measures").asInt()).isEqualTo(3);
        assertThat(national.at("/regions/0/name").asText()).isEqualTo("London");
        assertThat(national.at("/regions/1/name").asText()).isEqualTo("Unknown region");
        JsonNode london = national.at("/regions/0/counts");
        assertThat(london.at("/measures").asInt()).isEqualTo(2);
        // every icon is listed in the enum's order, zero included
        assertThat(london.at("/variation")).hasSize(7);
        assertThat(london.at("/variation/0/icon").asText()).isEqualTo("common_cause");
        assertThat(london.at("/variation/0/count").asInt()).isEqualTo(1);
        assertThat(london.at("/variation/3/icon").asText()).isEqualTo("concern_high");
        assertThat(london.at("/variation/3/label").asText()).isEqualTo("Special cause concern (higher values)");
        assertThat(london.at("/variation/3/count").asInt()).isEqualTo(1);
        assertThat(london.at("/assurance/2/icon").asText()).isEqualTo("inconsistent");
        assertThat(london.at("/assurance/2/count").asInt()).isEqualTo(1);
        JsonNode falls = national.at("/regions/0/members/0/measures/0");
        assertThat(falls.at("/variation").asText()).isEqualTo("concern_high");
        assertThat(falls.at("/assuranceLabel").asText())
                .isEqualTo("Hit and miss: the process will sometimes meet the target and sometimes not");
        assertThat(falls.at("/latestValue").asDouble()).isEqualTo(9.0);
        assertThat(falls.at("/latestPeriod").asText()).isEqualTo("2015-05-01");
        assertThat(falls.at("/chartType").asText()).isEqualTo("xmr");
        assertThat(falls.at("/ruleProfile").asText()).isEqualTo("MDC");
        assertThat(falls.at("/chart").asText()).isEqualTo("/api/v1/members/RGT/measures/falls");
        assertThat(falls.at("/page").asText()).isEqualTo("/members/RGT#measure-falls");
        assertThat(national.at("/regions/1/members/0/region").isNull()).isTrue();
    }

    @Test
    void writesTheNationalCsvWithAHeaderQuotingAndNeutralisedCells() throws IOException {
        Renderer.Rendered out = send(FakeRequest.of("GET", "/icons.csv"));
        List<CSVRecord> rows = csv(out);
        String text = new String(out.body(), StandardCharsets.UTF_8);

        assertThat(out.header("Content-Type")).startsWith("text/csv");
        assertThat(rows.get(0).values()).containsExactlyElementsOf(IconsResource.CSV_HEADER);
        assertThat(rows).hasSize(4);
        assertThat(rows.get(1).get(0)).isEqualTo("London");
        assertThat(rows.get(1).get(2)).isEqualTo("Trust, \"A\"");
        assertThat(text).contains("\"Trust, \"\"A\"\"\"");
        assertThat(rows.get(1).get(11)).isEqualTo("concern_high");
        assertThat(rows.get(1).get(12)).isEqualTo("Special cause concern (higher values)");
        assertThat(rows.get(1).get(17)).isEqualTo("9.0");
        assertThat(rows.get(1).get(19)).isEqualTo("2015-05-01");
        // a key a spreadsheet would run as a formula is written as text
        assertThat(rows.get(2).get(4)).isEqualTo("'=cmd");
        assertThat(rows.get(3).get(0)).isEqualTo("Unknown region");
        assertThat(rows.get(3).get(11)).isEqualTo("improvement_low");
    }

    @Test
    void givesAMemberItsPublishedSummaryAndItsEditorsTheDraft() throws IOException {
        JsonNode anonymous = json(send(FakeRequest.of("GET", "/members/rgt/icons")));
        JsonNode editor = json(send(FakeRequest.of("GET", "/members/RGT/icons").header("Authorization", "Basic ed")));
        List<CSVRecord> editorCsv = csv(send(FakeRequest.of("GET", "/members/RGT/icons.csv")
                .header("Authorization", "Basic ed")));

        assertThat(anonymous.at("/planVersion").asInt()).isEqualTo(2);
        assertThat(anonymous.at("/draft").asBoolean()).isFalse();
        assertThat(anonymous.at("/counts/measures").asInt()).isEqualTo(2);
        assertThat(anonymous.at("/measures/0/key").asText()).isEqualTo("falls");
        assertThat(editor.at("/draft").asBoolean()).isTrue();
        assertThat(editor.at("/planVersion").isNull()).isTrue();
        assertThat(editor.at("/measures/0/key").asText()).isEqualTo("draft-only");
        assertThat(editor.at("/measures/0/latestValue").isNull()).isTrue();
        assertThat(editorCsv).hasSize(2);
        assertThat(editorCsv.get(1).get(3)).isEmpty();
        assertThat(editorCsv.get(1).get(4)).isEqualTo("draft-only");
    }

    @Test
    void answersAnUnknownMemberWith404() {
        Renderer.Rendered out = send(FakeRequest.of("GET", "/members/RQQ/icons.csv"));

        assertThat(out.status()).isEqualTo(404);
        assertThat(out.header("Content-Type")).isEqualTo("application/problem+json");
    }

    @Test
    void keepsAnonymousAnswersJsonAndCsvUntilAChangeIsHeard() throws IOException {
        Renderer.Rendered first = send(FakeRequest.of("GET", "/icons.csv"));
        send(FakeRequest.of("GET", "/icons"));
        send(FakeRequest.of("GET", "/members/RGT/icons"));
        Renderer.Rendered again = send(FakeRequest.of("GET", "/icons.csv"));
        send(FakeRequest.of("GET", "/icons"));
        send(FakeRequest.of("GET", "/members/RGT/icons"));

        assertThat(icons.asked).containsExactly("national", "national", "RGT");
        assertThat(again.header("Content-Type")).startsWith("text/csv");
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(send(FakeRequest.of("GET", "/icons.csv").header("If-None-Match", first.header("ETag"))).status())
                .isEqualTo(304);

        // a change to another member drops the national answers but not RGT's own
        cache.onEvent(new CampaignEvent(7, CampaignTopics.MEASUREMENT_RECORDED, Instant.parse("2015-05-02T10:00:00Z"),
                "node-b", Map.of(CampaignTopics.ODS_CODE, "RXX", CampaignTopics.ACTOR, "ed")));
        send(FakeRequest.of("GET", "/icons.csv"));
        send(FakeRequest.of("GET", "/members/RGT/icons"));

        assertThat(icons.asked).containsExactly("national", "national", "RGT", "national");
    }
}
