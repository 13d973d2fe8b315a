package uk.nhs.safety.campaign.rest.internal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.nhs.safety.campaign.api.partner.PartnerProblem;
import uk.nhs.safety.campaign.api.partner.PartnerRequest;
import uk.nhs.safety.campaign.api.partner.PartnerResponse;
import uk.nhs.safety.campaign.api.partner.PartnerRoutes;
import uk.nhs.safety.campaign.api.partner.RouteAccess;
import uk.nhs.safety.campaign.rest.internal.http.FakeRequest;
import uk.nhs.safety.campaign.rest.internal.http.Json;
import uk.nhs.safety.campaign.rest.internal.http.Renderer;
import uk.nhs.safety.campaign.rest.internal.security.AuthenticationException;
import uk.nhs.safety.campaign.rest.internal.security.Authenticator;
import uk.nhs.safety.campaign.rest.internal.security.Caller;

/** The API end to end through the request pipeline, with an in-memory campaign and no servlet container. */
class CampaignApiTest {

    private static final Map<String, Caller> CALLERS = Map.of(
            "Basic admin", new Caller("alice", Set.of("admin")),
            "Basic operator", new Caller("olive", Set.of("operator")),
            "Basic editorRGT", new Caller("ed", Set.of("member-editor", "member:RGT")),
            "Basic editorRJZ", new Caller("jo", Set.of("member-editor", "member:RJZ")),
            "Bearer cqc", new Caller("partner:cqc", Set.of("partner", "partner:cqc")));

    private final Authenticator authenticator = (authorization, remote) -> {
        if (authorization == null) {
            return Caller.ANONYMOUS;
        }
        if ("Basic locked".equals(authorization)) {
            throw new AuthenticationException(AuthenticationException.Reason.RATE_LIMITED, "too many failures", 120);
        }
        Caller caller = CALLERS.get(authorization);
        if (caller == null) {
            throw new AuthenticationException(AuthenticationException.Reason.BAD_CREDENTIALS, "wrong credentials", 0);
        }
        return caller;
    };

    private final FakeCampaign campaign = new FakeCampaign();
    /** The partners whose bundle is installed now, as core's partner registry would say. */
    private final Set<String> installed = new HashSet<>();
    private final PartnerDirectory partners = new PartnerDirectory(installed::contains);
    private final CampaignApi api = new CampaignApi(campaign.services(), partners, new Json(), () -> null);
    private final RequestPipeline pipeline = new RequestPipeline(authenticator, new Json());
    private final ObjectMapper mapper = new ObjectMapper();
    private RestSettings settings = RestSettings.DEFAULTS;

    private Renderer.Rendered send(FakeRequest request) {
        return pipeline.process(request, api, () -> settings);
    }

    private static FakeRequest as(String who, String method, String path) {
        FakeRequest request = FakeRequest.of(method, path);
        return who == null ? request : request.header("Authorization", who);
    }

    private JsonNode body(Renderer.Rendered rendered) throws IOException {
        return mapper.readTree(rendered.body());
    }

    private String text(Renderer.Rendered rendered) {
        return new String(rendered.body(), StandardCharsets.UTF_8);
    }

    // --- the campaign at a glance ------------------------------------------------------------------------------------

    @Test
    void summarisesSignUpsByMonthWithEmptyMonthsAndThePublishedPlans() throws IOException {
        campaign.members.put("RXX", new uk.nhs.safety.campaign.api.Member("RXX", "Trust RXX",
                uk.nhs.safety.campaign.api.OrganisationType.ACUTE, "London", null, java.time.LocalDate.of(2014, 9, 3),
                uk.nhs.safety.campaign.api.MemberStatus.WITHDRAWN, null, null, false, 1));

        Renderer.Rendered out = send(as(null, "GET", "/summary"));

        assertThat(out.status()).isEqualTo(200);
        JsonNode summary = body(out);
        // RGT and RJZ joined on 2014-06-24, RXX on 2014-09-03: June 2 (2 so far), July 0 (2), August 0 (2), September 1 (3)
        assertThat(summary.path("members").asInt()).isEqualTo(3);
        assertThat(summary.path("active").asInt()).isEqualTo(2);
        assertThat(summary.path("withdrawn").asInt()).isEqualTo(1);
        assertThat(summary.path("joinedByMonth").toString()).isEqualTo("[{\"month\":\"2014-06\",\"joined\":2,"
                + "\"total\":2},{\"month\":\"2014-07\",\"joined\":0,\"total\":2},{\"month\":\"2014-08\","
                + "\"joined\":0,\"total\":2},{\"month\":\"2014-09\",\"joined\":1,\"total\":3}]");
        // only RGT has published a plan (version 1, "Published"); its later draft edit is not shown
        assertThat(summary.path("plansPublished").asInt()).isEqualTo(1);
        assertThat(summary.at("/publishedPlans/0/odsCode").asText()).isEqualTo("RGT");
        assertThat(summary.at("/publishedPlans/0/title").asText()).isEqualTo("Published");
        assertThat(summary.at("/publishedPlans/0/version").asInt()).isEqualTo(1);
        assertThat(out.header("Cache-Control")).isEqualTo("public, max-age=60");
    }

    // --- partner installs (admins) -----------------------------------------------------------------------------------

    @Test
    void installsAPartnerForAnAdminWithTheAdminAsActorAndAnswersWhatWasDone() throws IOException {
        Renderer.Rendered out = send(as("Basic admin", "POST", "/admin/partners/install").body("application/json",
                "{\"repositoryUrl\":\"mvn:org.example/partner-foo/1.0.0/xml/features\","
                        + "\"feature\":\"safety-partner-foo\"}"));

        assertThat(out.status()).isEqualTo(200);
        assertThat(campaign.installs).containsExactly(
                "install mvn:org.example/partner-foo/1.0.0/xml/features safety-partner-foo false alice");
        JsonNode change = body(out);
        assertThat(change.path("action").asText()).isEqualTo("installed");
        assertThat(change.path("installed").toString()).isEqualTo("[\"mvn:org.example/partner-foo/1.0.0\"]");
        assertThat(change.path("tookMillis").asLong()).isEqualTo(1234);
    }

    @Test
    void answersARefusedPartnerInstallWith409NamingTheCheckAndTheBundles() throws IOException {
        campaign.refusal = new uk.nhs.safety.campaign.api.deploy.InstallRefusedException(
                uk.nhs.safety.campaign.api.deploy.InstallRefusedException.Check.REFRESH,
                "installing safety-partner-foo 1.0.0 would disturb 1 bundle(s) outside the partner",
                List.of("uk.nhs.safety.campaign-model/0.1.0 (core bundle) would be refreshed: Attached fragments"
                        + " changed"));

        Renderer.Rendered out = send(as("Basic admin", "POST", "/admin/partners/install").body("application/json",
                "{\"repositoryUrl\":\"file:/tmp/foo.xml\",\"feature\":\"safety-partner-foo\",\"force\":false}"));

        assertThat(out.status()).isEqualTo(409);
        assertThat(out.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(body(out).path("detail").asText()).isEqualTo("installing safety-partner-foo 1.0.0 would disturb"
                + " 1 bundle(s) outside the partner: uk.nhs.safety.campaign-model/0.1.0 (core bundle) would be"
                + " refreshed: Attached fragments changed");
    }

    @Test
    void uninstallsAPartnerForAnAdminOnly() throws IOException {
        String body = "{\"feature\":\"safety-partner-foo\"}";
        assertThat(send(as("Basic operator", "POST", "/admin/partners/uninstall").body("application/json", body))
                .status()).isEqualTo(403);

        Renderer.Rendered out = send(as("Basic admin", "POST", "/admin/partners/uninstall")
                .body("application/json", body));

        assertThat(out.status()).isEqualTo(200);
        assertThat(body(out).path("uninstalled").toString()).isEqualTo("[\"org.example.partner-foo/1.0.0\"]");
        assertThat(campaign.installs).containsExactly("uninstall safety-partner-foo false alice");
    }

    // --- drafts ------------------------------------------------------------------------------------------------------

    @Test
    void hidesDraftActionsFromAnonymousCallers() {
        Renderer.Rendered out = send(as(null, "GET", "/members/RGT/actions"));

        assertThat(out.status()).isEqualTo(200);
        assertThat(text(out)).contains("published action").doesNotContain("draft action");
        assertThat(out.header("Cache-Control")).isEqualTo("public, max-age=60");
    }

    @Test
    void hidesDraftActionsFromEditorsOfAnotherMember() {
        assertThat(text(send(as("Basic editorRJZ", "GET", "/members/RGT/actions")))).doesNotContain("draft action");
    }

    @Test
    void showsDraftsToTheMembersEditorUnlessAskedForPublishedOnly() {
        assertThat(text(send(as("Basic editorRGT", "GET", "/members/RGT/actions")))).contains("draft action");
        assertThat(text(send(as("Basic editorRGT", "GET", "/members/RGT/actions").query("published", "true"))))
                .doesNotContain("draft action");
    }

    @Test
    void givesAnonymousCallersTheLatestPublishedPlanNotTheWorkingCopy() throws IOException {
        Renderer.Rendered out = send(as(null, "GET", "/members/RGT/plan"));

        assertThat(out.status()).isEqualTo(200);
        assertThat(body(out).at("/content/title").asText()).isEqualTo("Published");
        assertThat(body(out).at("/number").asInt()).isEqualTo(1);
        assertThat(out.header("ETag")).isEqualTo("\"v1\"");
    }

    @Test
    void givesEditorsTheWorkingCopyWithItsVersionAsETag() throws IOException {
        Renderer.Rendered out = send(as("Basic editorRGT", "GET", "/members/RGT/plan"));

        assertThat(body(out).at("/content/title").asText()).isEqualTo("Draft edit");
        assertThat(body(out).at("/status").asText()).isEqualTo("draft");
        assertThat(out.header("ETag")).isEqualTo("\"5\"");
        assertThat(out.header("Cache-Control")).isEqualTo("private, no-cache");
    }

    @Test
    void answers404ForAPlanWhenNothingIsPublished() {
        assertThat(send(as(null, "GET", "/members/RJZ/plan")).status()).isEqualTo(404);
        assertThat(send(as(null, "GET", "/members/RJZ/plan/diagram")).status()).isEqualTo(404);
    }

    @Test
    void showsAnonymousCallersOnlyThePublishedMeasuresAnalysedAgainstThePublishedTarget() throws IOException {
        Renderer.Rendered out = send(as(null, "GET", "/members/RGT/measures"));

        assertThat(body(out).findValuesAsText("key")).containsExactly("falls");
        assertThat(campaign.analysedTargets).containsExactly(0.9);
        assertThat(send(as(null, "GET", "/members/RGT/measures/draft-only")).status()).isEqualTo(404);
        assertThat(send(as("Basic editorRGT", "GET", "/members/RGT/measures/draft-only")).status()).isEqualTo(200);
    }

    @Test
    void omitsDraftCountsFromThePledgePageOfCallersWhoMayNotEdit() throws IOException {
        JsonNode anonymous = body(send(as(null, "GET", "/members/RGT/pledges")));
        JsonNode editor = body(send(as("Basic editorRGT", "GET", "/members/RGT/pledges")));

        assertThat(anonymous.at("/pledges/2/published").asInt()).isZero();
        assertThat(anonymous.at("/pledges/2").has("drafts")).isFalse();
        assertThat(editor.at("/pledges/2/drafts").asInt()).isEqualTo(1);
        assertThat(anonymous.at("/missing").toString()).isEqualTo("[2,3,4,5]");
        assertThat(anonymous.at("/pagePublished").asBoolean()).isFalse();
    }

    // --- members, versions, preconditions ----------------------------------------------------------------------------

    @Test
    void answers404ForAnUnknownMemberAnd400NamingAMalformedCode() throws IOException {
        assertThat(send(as(null, "GET", "/members/RXX")).status()).isEqualTo(404);

        Renderer.Rendered bad = send(as(null, "GET", "/members/R-1"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(body(bad).at("/errors/0/field").asText()).isEqualTo("odsCode");
        assertThat(body(bad).at("/instance").asText()).isEqualTo("/api/v1/members/R-1");
    }

    @Test
    void writesAMemberInTheSpecsShapeWithItsVersionAsETag() throws IOException {
        Renderer.Rendered out = send(as(null, "GET", "/members/rgt"));

        assertThat(out.header("ETag")).isEqualTo("\"3\"");
        assertThat(body(out).at("/type").asText()).isEqualTo("acute");
        assertThat(body(out).at("/closed").isBoolean()).isTrue();
        assertThat(body(out).at("/joined").asText()).isEqualTo("2014-06-24");
    }

    @Test
    void joinsAMemberWith201LocationAndETag() {
        Renderer.Rendered out = send(as("Basic operator", "POST", "/members")
                .body("application/json", "{\"odsCode\":\"A81001\",\"name\":\"Practice\",\"type\":\"gp_practice\"}"));

        assertThat(out.status()).isEqualTo(201);
        assertThat(out.header("Location")).isEqualTo("/api/v1/members/A81001");
        assertThat(out.header("ETag")).isEqualTo("\"0\"");
        assertThat(out.header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void asksForIfMatchBeforeAWithdrawalAndChangesNothingWithout() {
        Renderer.Rendered out = send(as("Basic operator", "POST", "/members/RGT/withdraw"));

        assertThat(out.status()).isEqualTo(428);
        assertThat(campaign.writes).isEmpty();
    }

    @Test
    void refusesAStaleWithdrawalWith412AndTheCurrentETag() {
        Renderer.Rendered stale = send(as("Basic operator", "POST", "/members/RGT/withdraw")
                .header("If-Match", "\"2\""));
        Renderer.Rendered fresh = send(as("Basic operator", "POST", "/members/RGT/withdraw")
                .header("If-Match", "\"3\""));

        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.header("ETag")).isEqualTo("\"3\"");
        assertThat(fresh.status()).isEqualTo(200);
        assertThat(campaign.writes).containsExactly("withdraw RGT");
    }

    @Test
    void publishesAPlanWith201AndTheVersionsLocation() {
        Renderer.Rendered out = send(as("Basic editorRGT", "POST", "/members/RGT/plan/publish")
                .header("If-Match", "\"5\""));

        assertThat(out.status()).isEqualTo(201);
        assertThat(out.header("Location")).isEqualTo("/api/v1/members/RGT/plan/versions/2");
        assertThat(out.header("ETag")).isEqualTo("\"v2\"");
    }

    @Test
    void servesPlanVersionsAsImmutableAndAnswers304ToTheirTag() {
        Renderer.Rendered first = send(as(null, "GET", "/members/RGT/plan/versions/1"));
        Renderer.Rendered again = send(as(null, "GET", "/members/RGT/plan/versions/1")
                .header("If-None-Match", first.header("ETag")));

        assertThat(first.header("Cache-Control")).isEqualTo("public, max-age=86400, immutable");
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    @Test
    void pagesMembersWithALinkToTheNextPage() throws IOException {
        Renderer.Rendered out = send(as(null, "GET", "/members").query("limit", "1"));

        assertThat(body(out).at("/total").asInt()).isEqualTo(2);
        assertThat(body(out).at("/items/0/odsCode").asText()).isEqualTo("RGT");
        assertThat(out.header("Link")).isEqualTo("</api/v1/members?offset=1&limit=1>; rel=\"next\"");
    }

    @Test
    void refusesAPageLimitOutOfRangeNamingIt() throws IOException {
        Renderer.Rendered out = send(as(null, "GET", "/members").query("limit", "1001"));

        assertThat(out.status()).isEqualTo(400);
        assertThat(body(out).at("/errors/0/field").asText()).isEqualTo("limit");
    }

    // --- measurements and bodies -------------------------------------------------------------------------------------

    @Test
    void recordsAMeasurementForAMonth() throws IOException {
        Renderer.Rendered out = send(as("Basic editorRGT", "POST", "/members/RGT/measures/falls/measurements")
                .body("application/json", "{\"period\":\"2015-04\",\"value\":1.2,\"annotation\":null}"));

        assertThat(out.status()).isEqualTo(201);
        assertThat(body(out).at("/period").asText()).isEqualTo("2015-04-01");
        assertThat(campaign.writes).containsExactly("record falls 2015-04-01 1.2");
    }

    @Test
    void recordsAMeasurementWithItsDenominator() throws IOException {
        Renderer.Rendered out = send(as("Basic editorRGT", "POST", "/members/RGT/measures/falls/measurements")
                .body("application/json", "{\"period\":\"2015-04\",\"value\":3,\"denominator\":1250.5}"));

        assertThat(out.status()).isEqualTo(201);
        assertThat(body(out).at("/denominator").asDouble()).isEqualTo(1250.5);
        assertThat(campaign.writes).containsExactly("record falls 2015-04-01 3.0 out of 1250.5");
    }

    // --- PDSA cycles and annotations ---------------------------------------------------------------------------------

    @Test
    void givesAChartItsAnnotationsAndPdsaMarkers() throws IOException {
        JsonNode chart = body(send(as(null, "GET", "/members/RGT/measures/falls")));

        assertThat(chart.at("/measure/key").asText()).isEqualTo("falls");
        assertThat(chart.at("/spc/variation").asText()).isEqualTo("common_cause");
        assertThat(chart.at("/notes/0/period").asText()).isEqualTo("2015-04-01");
        assertThat(chart.at("/notes/0/text").asText()).isEqualTo("new falls bundle on ward 5");
        assertThat(chart.at("/notes/1/changeIdea").asText()).isEqualTo("C1");
        assertThat(chart.at("/notes/1/cycle").asInt()).isEqualTo(1);
        assertThat(chart.at("/notes/1/started").asText()).isEqualTo("2015-05-04");
    }

    @Test
    void recordsAPdsaCycleForTheMembersEditorOnly() throws IOException {
        String cycle = "{\"changeIdea\":\"C1\",\"measures\":[\"falls\"],\"plan\":\"Bundle on ward 6\","
                + "\"owner\":\"Sister\",\"plannedStart\":\"2015-06-01\",\"prediction\":\"Fewer falls\"}";

        Renderer.Rendered other = send(as("Basic editorRJZ", "POST", "/members/RGT/pdsa-cycles")
                .body("application/json", cycle));
        Renderer.Rendered out = send(as("Basic editorRGT", "POST", "/members/RGT/pdsa-cycles")
                .body("application/json", cycle));

        assertThat(other.status()).isEqualTo(403);
        assertThat(out.status()).isEqualTo(201);
        assertThat(out.headers().get("Location")).endsWith("/members/RGT/pdsa-cycles/C1/2");
        assertThat(body(out).at("/content/plannedStart").asText()).isEqualTo("2015-06-01");
        assertThat(campaign.writes).containsExactly("pdsa add C1 Bundle on ward 6");
    }

    @Test
    void updatesAPdsaCycleOnlyWithTheVersionRead() throws IOException {
        String cycle = "{\"changeIdea\":\"C1\",\"plan\":\"p\",\"owner\":\"o\",\"plannedStart\":\"2015-06-01\","
                + "\"prediction\":\"x\",\"decision\":\"adapt\"}";

        Renderer.Rendered missing = send(as("Basic editorRGT", "PUT", "/members/RGT/pdsa-cycles/C1/1")
                .body("application/json", cycle));
        Renderer.Rendered out = send(as("Basic editorRGT", "PUT", "/members/RGT/pdsa-cycles/C1/1")
                .header("If-Match", "\"1\"").body("application/json", cycle));

        assertThat(missing.status()).isEqualTo(428);
        assertThat(out.status()).isEqualTo(200);
        assertThat(body(out).at("/content/decision").asText()).isEqualTo("adapt");
        assertThat(campaign.writes).containsExactly("pdsa update C1#1 at 1");
    }

    @Test
    void setsAndDeletesAnAnnotationAndRefusesABlankOne() throws IOException {
        Renderer.Rendered set = send(as("Basic editorRGT", "PUT", "/members/RGT/measures/falls/annotations/2015-05")
                .body("application/json", "{\"text\":\"new falls bundle\"}"));
        Renderer.Rendered blank = send(as("Basic editorRGT", "PUT",
                "/members/RGT/measures/falls/annotations/2015-05").body("application/json", "{\"text\":\" \"}"));
        Renderer.Rendered badPeriod = send(as("Basic editorRGT", "DELETE",
                "/members/RGT/measures/falls/annotations/May"));
        Renderer.Rendered deleted = send(as("Basic editorRGT", "DELETE",
                "/members/RGT/measures/falls/annotations/2015-05"));

        assertThat(set.status()).isEqualTo(200);
        assertThat(body(set).at("/text").asText()).isEqualTo("new falls bundle");
        assertThat(blank.status()).isEqualTo(400);
        assertThat(body(blank).findValuesAsText("field")).containsExactly("text");
        assertThat(badPeriod.status()).isEqualTo(400);
        assertThat(body(badPeriod).findValuesAsText("field")).containsExactly("period");
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(campaign.writes).containsExactly("annotate falls 2015-05-01 new falls bundle",
                "annotate falls 2015-05-01 null");
    }

    @Test
    void refusesABadPeriodAndAMissingValueTogether() throws IOException {
        Renderer.Rendered out = send(as("Basic editorRGT", "POST", "/members/RGT/measures/falls/measurements")
                .body("application/json", "{\"period\":\"April\"}"));

        assertThat(out.status()).isEqualTo(400);
        assertThat(body(out).findValuesAsText("field")).containsExactly("period", "value");
        assertThat(campaign.writes).isEmpty();
    }

    @Test
    void refusesAnotherMediaTypeWith415AndAnOversizedBodyWith413() {
        Renderer.Rendered wrongType = send(as("Basic editorRGT", "POST", "/members/RGT/actions")
                .body("text/plain", "{}"));
        settings = new RestSettings(10, 10, 60, java.util.Set.of());
        Renderer.Rendered tooLarge = send(as("Basic editorRGT", "POST", "/members/RGT/actions")
                .body("application/json", "{\"text\":\"more than ten bytes\"}"));

        assertThat(wrongType.status()).isEqualTo(415);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(campaign.writes).isEmpty();
    }

    @Test
    void importsCsvOnlyAsTextCsv() {
        assertThat(send(as("Basic operator", "POST", "/members/import").query("name", "etr.csv")
                .body("text/csv; charset=utf-8", "RGT,Trust\n")).status()).isEqualTo(200);
        assertThat(send(as("Basic operator", "POST", "/members/import")
                .body("application/json", "{}")).status()).isEqualTo(415);
        assertThat(campaign.writes).containsExactly("import etr.csv");
    }

    // --- authentication, authorisation, errors -----------------------------------------------------------------------

    @Test
    void refusesWrongCredentialsEvenOnPublicRoutes() {
        Renderer.Rendered out = send(as("Basic nobody", "GET", "/pledges"));

        assertThat(out.status()).isEqualTo(401);
        assertThat(out.header("WWW-Authenticate")).startsWith("Basic realm=\"Sign up to Safety\"").contains("Bearer");
        assertThat(out.header("X-Frame-Options")).isEqualTo("DENY");
    }

    @Test
    void answers429WithRetryAfterWhenRateLimited() {
        Renderer.Rendered out = send(as("Basic locked", "GET", "/pledges"));

        assertThat(out.status()).isEqualTo(429);
        assertThat(out.header("Retry-After")).isEqualTo("120");
    }

    @Test
    void asksAnonymousWritersToAuthenticateAndForbidsOtherMembersEditors() {
        Renderer.Rendered anonymous = send(as(null, "POST", "/members/RGT/actions")
                .body("application/json", "{\"pledge\":1,\"text\":\"x\"}"));
        Renderer.Rendered otherEditor = send(as("Basic editorRJZ", "POST", "/members/RGT/actions")
                .body("application/json", "{\"pledge\":1,\"text\":\"x\"}"));

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("WWW-Authenticate")).isNotNull();
        assertThat(otherEditor.status()).isEqualTo(403);
        assertThat(otherEditor.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(campaign.writes).isEmpty();
    }

    @Test
    void answersUnknownPathsAndMethodsWithProblemsCarryingTheSecurityHeaders() {
        Renderer.Rendered notFound = send(as(null, "GET", "/nothing"));
        Renderer.Rendered notAllowed = send(as(null, "DELETE", "/pledges"));

        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.header("Content-Security-Policy")).isEqualTo("default-src 'none'; frame-ancestors 'none'");
        assertThat(notAllowed.status()).isEqualTo(405);
        assertThat(notAllowed.header("Allow")).isEqualTo("GET, HEAD");
    }

    @Test
    void answersAFailureInsideCoreWith500WithoutItsDetails() throws IOException {
        Renderer.Rendered out = send(as("Basic editorRGT", "PUT", "/members/RGT/actions/1")
                .header("If-Match", "\"2\"").body("application/json", "{\"pledge\":1,\"text\":\"x\"}"));

        assertThat(out.status()).isEqualTo(500);
        assertThat(body(out).at("/detail").asText()).contains("incident").doesNotContain("Unsupported");
    }

    // --- partners ----------------------------------------------------------------------------------------------------

    private final List<PartnerRequest> partnerCalls = new ArrayList<>();

    private PartnerRoutes echo(String id, int size) {
        return new PartnerRoutes() {
            @Override
            public String partnerId() {
                return id;
            }

            @Override
            public PartnerResponse handle(PartnerRequest request) {
                partnerCalls.add(request);
                return new PartnerResponse(200, "text/plain", "x".repeat(size).getBytes(StandardCharsets.UTF_8),
                        Map.of("X-Frame-Options", "SAMEORIGIN", "Content-Disposition", "inline"));
            }
        };
    }

    @Test
    void dispatchesToThePartnersRoutesWithThePathBelowItsIdAndTheCaller() {
        partners.add(echo("cqc", 10));

        Renderer.Rendered out = send(as("Bearer cqc", "POST", "/partners/cqc/evidence/RGT").query("since", "2015")
                .body("application/json", "{\"a\":1}"));

        assertThat(out.status()).isEqualTo(200);
        assertThat(out.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(out.header("Content-Disposition")).isEqualTo("inline");
        assertThat(partnerCalls).singleElement().satisfies(r -> {
            assertThat(r.path()).isEqualTo("/evidence/RGT");
            assertThat(r.param("since")).isEqualTo("2015");
            assertThat(r.caller()).isEqualTo("partner:cqc");
            assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
        });
    }

    private PartnerRoutes refusing(PartnerProblem problem) {
        return new PartnerRoutes() {
            @Override
            public String partnerId() {
                return "nhsi";
            }

            @Override
            public RouteAccess access(String method, String path) {
                return RouteAccess.AUTHENTICATED;
            }

            @Override
            public PartnerResponse handle(PartnerRequest request) {
                partnerCalls.add(request);
                throw problem;
            }
        };
    }

    @Test
    void answersAPartnersRefusalAsAProblemOfItsStatusWithItsHeaders() throws IOException {
        partners.add(refusing(PartnerProblem.methodNotAllowed("PUT", "/gaps", "GET")));

        Renderer.Rendered out = send(as("Basic admin", "PUT", "/partners/nhsi/gaps"));

        assertThat(out.status()).isEqualTo(405);
        assertThat(out.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(out.header("Allow")).isEqualTo("GET");
        assertThat(body(out).at("/type").asText()).isEqualTo("https://signuptosafety.nhs.uk/problems/method-not-allowed");
        assertThat(body(out).at("/detail").asText()).isEqualTo("PUT is not allowed on /gaps; use GET");
        assertThat(body(out).at("/instance").asText()).endsWith("/partners/nhsi/gaps");
    }

    @Test
    void answersAPartnersRefusalWithAStatusCoreHasNoKindForAsAPlainProblem() throws IOException {
        partners.add(refusing(PartnerProblem.unavailable("framework 1999 is not loaded")));

        Renderer.Rendered out = send(as("Basic admin", "GET", "/partners/nhsi/framework"));

        assertThat(out.status()).isEqualTo(503);
        assertThat(out.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(body(out).at("/status").asInt()).isEqualTo(503);
        assertThat(body(out).at("/detail").asText()).isEqualTo("framework 1999 is not loaded");
    }

    @Test
    void handsPartnerRoutesCoresAccessRuleForTheCaller() {
        partners.add(refusing(PartnerProblem.forbidden("no")));

        send(as("Basic editorRGT", "GET", "/partners/nhsi/members/RGT/harm"));

        assertThat(partnerCalls).singleElement().satisfies(r -> {
            assertThat(r.access().mayEdit("RGT")).isTrue();
            assertThat(r.access().mayEdit("RJZ")).isFalse();
            assertThat(r.access().actsFor("nhsi")).isFalse();
        });
    }

    @Test
    void answers503WithRetryAfterToEveryoneWhileAPartnerIsChangingAnd404OnceItIsUninstalled() throws IOException {
        PartnerRoutes cqc = echo("cqc", 10);
        partners.add(cqc);
        installed.add("cqc");
        partners.remove(cqc);   // its bundle is being updated: the routes are gone, the bundle is still installed

        Renderer.Rendered during = send(as(null, "GET", "/partners/cqc/evidence/RGT"));

        assertThat(during.status()).isEqualTo(503);
        assertThat(during.header("Retry-After")).isEqualTo("1");
        assertThat(during.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(body(during).at("/type").asText()).isEqualTo("https://signuptosafety.nhs.uk/problems/unavailable");
        assertThat(body(during).at("/detail").asText())
                .isEqualTo("partner 'cqc' is being installed, updated or restarted just now; try again in 1 s");

        installed.remove("cqc");   // the uninstall completed
        Renderer.Rendered after = send(as("Basic admin", "GET", "/partners/cqc/evidence/RGT"));

        assertThat(after.status()).isEqualTo(404);
        assertThat(body(after).at("/detail").asText()).isEqualTo("no partner routes are installed for 'cqc'");
        assertThat(partnerCalls).isEmpty();
    }

    @Test
    void answers404ForAnInstalledPartnerThatNeverServedRoutesAndServesAgainOnceBack() {
        installed.add("nhsla");

        assertThat(send(as("Basic admin", "GET", "/partners/nhsla/claims")).status()).isEqualTo(404);

        PartnerRoutes cqc = echo("cqc", 10);
        installed.add("cqc");
        partners.add(cqc);
        partners.remove(cqc);
        partners.add(echo("cqc", 10));   // the updated bundle registered its routes again

        assertThat(send(as("Basic admin", "GET", "/partners/cqc/x")).status()).isEqualTo(200);
    }

    private PartnerRoutes publicCached(String id) {
        return new PartnerRoutes() {
            @Override
            public String partnerId() {
                return id;
            }

            @Override
            public RouteAccess access(String method, String path) {
                return RouteAccess.PUBLIC;
            }

            @Override
            public PartnerResponse handle(PartnerRequest request) {
                return PartnerResponse.json(200, "{\"ok\":true}").cacheFor(java.time.Duration.ofMinutes(10));
            }
        };
    }

    @Test
    void keepsAPublicPartnerRoutesOwnCachingForAnonymousReadsOnly() {
        partners.add(publicCached("nhsi"));

        assertThat(send(as(null, "GET", "/partners/nhsi/national")).header("Cache-Control"))
                .isEqualTo("public, max-age=600");
        assertThat(send(as(null, "HEAD", "/partners/nhsi/national")).header("Cache-Control"))
                .isEqualTo("public, max-age=600");
        assertThat(send(as("Basic admin", "GET", "/partners/nhsi/national")).header("Cache-Control"))
                .as("an authenticated answer is never shared").isEqualTo("private, no-cache");
        assertThat(send(as(null, "POST", "/partners/nhsi/national").body("application/json", "{}"))
                .header("Cache-Control")).as("a write is never cached").isEqualTo("no-store");
    }

    @Test
    void compressesLargePartnerAnswers() {
        partners.add(echo("cqc", 5000));

        Renderer.Rendered out = send(as("Basic admin", "GET", "/partners/cqc/").header("Accept-Encoding", "gzip"));

        assertThat(out.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(partnerCalls).singleElement().satisfies(r -> assertThat(r.path()).isEqualTo("/"));
    }

    @Test
    void answers404ForAPartnerWithoutRoutesAndStopsServingARemovedOne() {
        PartnerRoutes routes = echo("cqc", 1);
        partners.add(routes);
        assertThat(send(as("Basic admin", "GET", "/partners/cqc/x")).status()).isEqualTo(200);

        partners.remove(routes);

        assertThat(send(as("Basic admin", "GET", "/partners/cqc/x")).status()).isEqualTo(404);
        assertThat(send(as("Basic admin", "GET", "/partners/nhsla/x")).status()).isEqualTo(404);
    }

    @Test
    void forbidsOneParnersTokenTheRoutesOfAnother() {
        partners.add(echo("nhsla", 1));

        assertThat(send(as("Bearer cqc", "GET", "/partners/nhsla/claims")).status()).isEqualTo(403);
        assertThat(partnerCalls).isEmpty();
    }
}
