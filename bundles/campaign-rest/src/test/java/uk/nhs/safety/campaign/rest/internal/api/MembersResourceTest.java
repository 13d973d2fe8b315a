package uk.nhs.safety.campaign.rest.internal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import uk.nhs.safety.campaign.rest.internal.http.Renderer;

/** {@code /members} and {@code /summary} through the request pipeline. */
class MembersResourceTest extends ApiTestSupport {

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

    @Test
    void importsCsvOnlyAsTextCsv() {
        assertThat(send(as("Basic operator", "POST", "/members/import").query("name", "etr.csv")
                .body("text/csv; charset=utf-8", "RGT,Trust\n")).status()).isEqualTo(200);
        assertThat(send(as("Basic operator", "POST", "/members/import")
                .body("application/json", "{}")).status()).isEqualTo(415);
        assertThat(campaign.writes).containsExactly("import etr.csv");
    }
}
