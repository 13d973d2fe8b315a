package uk.nhs.safety.campaign.rest.internal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import uk.nhs.safety.campaign.rest.internal.http.Renderer;

/** {@code /members/{ods}/measures}: published measures, charts, measurements and annotations. */
class MeasuresResourceTest extends ApiTestSupport {

    @Test
    void showsAnonymousCallersOnlyThePublishedMeasuresAnalysedAgainstThePublishedTarget() throws IOException {
        Renderer.Rendered out = send(as(null, "GET", "/members/RGT/measures"));

        assertThat(body(out).findValuesAsText("key")).containsExactly("falls");
        assertThat(campaign.analysedTargets).containsExactly(0.9);
        assertThat(send(as(null, "GET", "/members/RGT/measures/draft-only")).status()).isEqualTo(404);
        assertThat(send(as("Basic editorRGT", "GET", "/members/RGT/measures/draft-only")).status()).isEqualTo(200);
    }

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

    @Test
    void refusesABadPeriodAndAMissingValueTogether() throws IOException {
        Renderer.Rendered out = send(as("Basic editorRGT", "POST", "/members/RGT/measures/falls/measurements")
                .body("application/json", "{\"period\":\"April\"}"));

        assertThat(out.status()).isEqualTo(400);
        assertThat(body(out).findValuesAsText("field")).containsExactly("period", "value");
        assertThat(campaign.writes).isEmpty();
    }

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
}
