package uk.nhs.safety.campaign.rest.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import uk.nhs.safety.campaign.api.CampaignException;
import uk.nhs.safety.campaign.api.NotFoundException;
import uk.nhs.safety.campaign.api.StaleVersionException;
import uk.nhs.safety.campaign.api.StoreUnavailableException;
import uk.nhs.safety.campaign.api.ValidationException;
import uk.nhs.safety.campaign.api.Violation;
import uk.nhs.safety.campaign.api.cluster.JobRunningException;

class ProblemMapperTest {

    private static final String PATH = "/api/v1/members/RGT";

    @Test
    void mapsValidationTo400WithEveryViolation() {
        ValidationException e = new ValidationException(List.of(
                Violation.atLine(12, "code", "X1", "is not an ODS code"),
                Violation.of("name", null, "is required")));

        ApiResponse response = ProblemMapper.toResponse(e, "POST", PATH);
        Problem problem = (Problem) response.entity();

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        assertThat(problem.type()).isEqualTo("https://signuptosafety.nhs.uk/problems/validation");
        assertThat(problem.instance()).isEqualTo(PATH);
        assertThat(problem.errors()).containsExactly(
                new Problem.FieldError("code", "X1", "is not an ODS code", 12),
                new Problem.FieldError("name", null, "is required", null));
    }

    @Test
    void mapsStoreUnavailableTo503WithRetryAfterAndWithoutTheDriversMessage() {
        StoreUnavailableException e = new StoreUnavailableException(
                "the campaign database does not answer: Database may be already in use: /opt/safety/data/x.mv.db", 7);

        ApiResponse response = ProblemMapper.toResponse(e, "GET", PATH);
        Problem problem = (Problem) response.entity();

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        assertThat(response.headers()).containsEntry("Retry-After", "7");
        assertThat(problem.type()).isEqualTo("https://signuptosafety.nhs.uk/problems/unavailable");
        assertThat(problem.detail()).isEqualTo("the campaign database is unavailable just now; nothing was changed."
                + " Try again in 7 s.");
    }

    @Test
    void mapsAJobRunningOnSomeNodeTo409NamingTheNodeAndStart() {
        JobRunningException e = new JobRunningException("nhsla-claims", "a claims import", "web1-3f9a2c",
                Instant.parse("2026-12-03T12:41:07Z"));

        ApiResponse response = ProblemMapper.toResponse(e, "POST", "/api/v1/partners/nhsla/claims");
        Problem problem = (Problem) response.entity();

        assertThat(response.status()).isEqualTo(409);
        assertThat(problem.type()).endsWith("/conflict");
        assertThat(problem.detail()).isEqualTo("a claims import is already running on node web1-3f9a2c since"
                + " 2026-12-03T12:41:07Z; try again when it has finished");
    }

    @Test
    void mapsNotFoundTo404WithoutErrors() {
        ApiResponse response = ProblemMapper.toResponse(new NotFoundException("no member RGT"), "GET", PATH);
        Problem problem = (Problem) response.entity();

        assertThat(response.status()).isEqualTo(404);
        assertThat(problem.type()).endsWith("/not-found");
        assertThat(problem.detail()).isEqualTo("no member RGT");
        assertThat(problem.errors()).isNull();
    }

    @Test
    void mapsStaleVersionTo412WithTheCurrentETag() {
        ApiResponse response = ProblemMapper.toResponse(new StaleVersionException("member RGT", 3, 5), "POST", PATH);

        assertThat(response.status()).isEqualTo(412);
        assertThat(((Problem) response.entity()).type()).endsWith("/precondition-failed");
        assertThat(response.header("ETag")).isEqualTo("\"5\"");
    }

    @Test
    void mapsProblemExceptionsToTheirKindWithTheirHeaders() {
        ProblemException e = new ProblemException(Problem.Kind.TOO_MANY_REQUESTS, "slow down")
                .withHeader("Retry-After", "120");

        ApiResponse response = ProblemMapper.toResponse(e, "GET", PATH);

        assertThat(response.status()).isEqualTo(429);
        assertThat(((Problem) response.entity()).type()).endsWith("/too-many-requests");
        assertThat(response.header("Retry-After")).isEqualTo("120");
    }

    @Test
    void mapsAnythingElseTo500QuotingAnIncidentButNotTheCause() {
        RuntimeException secret = new CampaignException("database write failed: password=hunter2 at jdbc:h2:/x");

        ApiResponse response = ProblemMapper.toResponse(secret, "POST", PATH);
        Problem problem = (Problem) response.entity();

        assertThat(response.status()).isEqualTo(500);
        assertThat(problem.type()).endsWith("/internal");
        assertThat(problem.detail()).containsPattern("incident [0-9a-f-]{36}")
                .doesNotContain("hunter2").doesNotContain("jdbc");
        assertThat(problem.errors()).isNull();
    }

    @Test
    void givesEachInternalErrorItsOwnIncident() {
        String first = ((Problem) ProblemMapper.toResponse(new IllegalStateException(), "GET", PATH).entity())
                .detail();
        String second = ((Problem) ProblemMapper.toResponse(new IllegalStateException(), "GET", PATH).entity())
                .detail();

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void neverLetsAProblemBeCached() {
        assertThat(ProblemMapper.toResponse(new NotFoundException("x"), "GET", PATH).caching())
                .isEqualTo(ApiResponse.Caching.NO_STORE);
    }
}
