package uk.nhs.safety.partner.nhsla.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.nhs.safety.partner.testkit.RouteAnswers.answered;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import uk.nhs.safety.campaign.api.NotFoundException;
import uk.nhs.safety.campaign.api.ValidationException;
import uk.nhs.safety.campaign.api.partner.PartnerRequest;
import uk.nhs.safety.campaign.api.partner.PartnerResponse;
import uk.nhs.safety.campaign.api.partner.RouteAccess;
import uk.nhs.safety.partner.nhsla.internal.claims.ClaimsImportTest;
import uk.nhs.safety.partner.testkit.PartnerStoreKind;
import uk.nhs.safety.partner.testkit.StoreTest;
import uk.nhs.safety.campaign.api.partner.ScriptSource;

class NhslaRoutesTest {

    private static final Set<String> NHSLA = Set.of("partner", "partner:nhsla");
    private final NhslaService service;
    private final NhslaRoutes routes;

    NhslaRoutesTest(PartnerStoreKind store) {
        this.service = new NhslaService(store.open("nhsla", ScriptSource.classpath(NhslaService.class, "db")),
                ods -> Set.of("RGT", "RJZ").contains(ods),
                ods -> ods.equals("RGT") ? Optional.of(new NhslaService.PublishedPlan(2, List.of("maternity")))
                        : Optional.empty(),
                Clock.fixed(Instant.parse("2015-06-01T00:00:00Z"), ZoneOffset.UTC), Settings.defaults(), null);
        this.routes = new NhslaRoutes(service);
    }

    private PartnerResponse call(String method, String path, Map<String, List<String>> query, String body,
                                 Set<String> roles) {
        return answered(() -> routes.handle(new PartnerRequest(method, path, query, body == null ? null : "text/csv",
                body == null ? null : body.getBytes(StandardCharsets.UTF_8), "caller", roles)));
    }

    private void load() {
        String csv = ClaimsImportTest.HEADER + ClaimsImportTest.row("A", "RGT", "900000")
                + "B,RGT,CNST,Dental,Other,Pain,2013-01-01,2014-06-01,closed,,100,\n"
                + "C,RJZ,CNST,Dental,Other,Pain,2013-01-01,2014-06-01,closed,,100,\n";
        assertThat(new String(call("POST", "/claims", Map.of(), csv, NHSLA).body(), StandardCharsets.UTF_8))
                .contains("\"created\" : 3");
    }

    @StoreTest
    void onlyTheMemberSummaryIsOpenedBeyondThePartnerAndNothingIsPublic() {
        assertThat(routes.access("GET", "/members/RGT/summary")).isEqualTo(RouteAccess.AUTHENTICATED);
        for (String path : List.of("/claims", "/profile", "/profile/RGT", "/linkage/RGT", "/bids", "/allocation")) {
            assertThat(routes.access("GET", path)).isEqualTo(RouteAccess.PARTNER);
            assertThat(routes.access("POST", path)).isEqualTo(RouteAccess.PARTNER);
        }
        assertThat(routes.access("POST", "/members/RGT/summary")).isEqualTo(RouteAccess.PARTNER);
    }

    @StoreTest
    void aMemberReadsItsOwnSummaryOnly() {
        load();
        assertThat(call("GET", "/members/RGT/summary", Map.of(), null, Set.of("member-editor", "member:RGT")).status())
                .isEqualTo(200);
        assertThat(call("GET", "/members/rjz/summary", Map.of(), null, Set.of("member-editor", "member:RGT")).status())
                .isEqualTo(403);
        assertThat(call("GET", "/members/RJZ/summary", Map.of(), null, Set.of("partner", "partner:cqc")).status())
                .isEqualTo(403);
        assertThat(call("GET", "/members/RJZ/summary", Map.of(), null, Set.of("admin")).status()).isEqualTo(200);
        assertThat(call("GET", "/members/RGT/summary", Map.of(), null, Set.of("member:RGT")).status())
                .as("member:RGT without member-editor is no editor of RGT").isEqualTo(403);
        assertThat(call("GET", "/members/RGT/summary", Map.of(), null, Set.of("operator")).status()).isEqualTo(200);
        assertThat(call("GET", "/members/RGT/summary", Map.of(), null, NHSLA).status()).isEqualTo(200);
    }

    @StoreTest
    void profileLinkageAndBidThroughTheRoutes() {
        load();
        String profile = new String(call("GET", "/profile/RGT", Map.of("from", List.of("2014")), null, NHSLA).body(),
                StandardCharsets.UTF_8);
        // A: 900,000 + 100 + 200 = 900,300.00 pounds; B: 100.00 -> 900,400.00 = 90,040,000 pence
        assertThat(profile).contains("\"valuePence\" : 90040000").contains("\"highValue\" : [ \"Obstetrics\" ]");
        String linkage = new String(call("GET", "/linkage/RGT", Map.of(), null, NHSLA).body(), StandardCharsets.UTF_8);
        assertThat(linkage).contains("\"planVersion\" : 2").contains("\"addressed\" : true");
        String bid = "{\"ods\":\"RGT\",\"schemeYear\":2014,\"contribution\":\"1000000\",\"asked\":\"100000\","
                + "\"areas\":[\"Obstetrics\"]}";
        String assessed = new String(routes.handle(new PartnerRequest("POST", "/bids", Map.of(), "application/json",
                bid.getBytes(StandardCharsets.UTF_8), "nhsla-user", NHSLA)).body(), StandardCharsets.UTF_8);
        assertThat(assessed).contains("\"approved\" : true");
        String allocation = new String(call("GET", "/allocation", Map.of("year", List.of("2014")), null, NHSLA).body(),
                StandardCharsets.UTF_8);
        assertThat(allocation).contains("\"allocatedPence\" : 10000000").contains("\"outcome\" : \"funded\"");
    }

    @StoreTest
    void refusesUnknownRoutesMembersAndBadYears() {
        assertThatThrownBy(() -> call("GET", "/nope", Map.of(), null, NHSLA)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> call("GET", "/profile/RXX", Map.of(), null, NHSLA))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> call("GET", "/profile", Map.of("from", List.of("20x4")), null, NHSLA))
                .isInstanceOf(ValidationException.class).hasMessageContaining("from '20x4'");
    }

    @StoreTest
    void refusesABidWithADuplicateKeyOrAYearWrittenAsTextAndAssessesNothing() {
        load();
        for (String bid : List.of(
                "{\"ods\":\"RGT\",\"ods\":\"RJZ\",\"schemeYear\":2014,\"contribution\":\"1000000\","
                        + "\"asked\":\"100000\",\"areas\":[\"Obstetrics\"]}",
                "{\"ods\":\"RGT\",\"schemeYear\":\"2014\",\"contribution\":\"1000000\",\"asked\":\"100000\","
                        + "\"areas\":[\"Obstetrics\"]}")) {
            assertThatThrownBy(() -> routes.handle(new PartnerRequest("POST", "/bids", Map.of(), "application/json",
                    bid.getBytes(StandardCharsets.UTF_8), "nhsla-user", NHSLA)))
                    .as(bid).isInstanceOf(ValidationException.class);
        }
        assertThat(new String(call("GET", "/bids", Map.of("year", List.of("2014")), null, NHSLA).body(),
                StandardCharsets.UTF_8)).doesNotContain("RGT").doesNotContain("RJZ");
    }
}
