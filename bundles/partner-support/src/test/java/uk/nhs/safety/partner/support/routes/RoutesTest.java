package uk.nhs.safety.partner.support.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import uk.nhs.safety.campaign.api.ValidationException;
import uk.nhs.safety.campaign.api.Violation;
import uk.nhs.safety.campaign.api.partner.ImportRequest;
import uk.nhs.safety.campaign.api.partner.PartnerProblem;
import uk.nhs.safety.campaign.api.partner.PartnerRequest;

class RoutesTest {

    private static PartnerRequest upload(Map<String, List<String>> query) {
        return new PartnerRequest("POST", "/claims", query, "text/csv", "a,b\n".getBytes(StandardCharsets.UTF_8),
                "nhsla-token", Set.of());
    }

    @Test
    void anUploadIsAllOrNothingByItsCallerWithoutARejectsFile() throws Exception {
        ImportRequest r = Routes.importRequest(upload(Map.of()));

        assertThat(r.source()).isEqualTo("HTTP upload");
        assertThat(r.caller()).isEqualTo("nhsla-token");
        assertThat(r.partial()).isFalse();
        assertThat(r.rejects()).isNull();
        assertThat(new String(r.data().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("a,b\n");
    }

    @Test
    void partialTrueOrFalseInAnyCaseChoosesTheImport() {
        assertThat(Routes.importRequest(upload(Map.of("partial", List.of("true")))).partial()).isTrue();
        assertThat(Routes.importRequest(upload(Map.of("partial", List.of("TRUE")))).partial()).isTrue();
        assertThat(Routes.importRequest(upload(Map.of("partial", List.of("false")))).partial()).isFalse();
    }

    @Test
    void anyOtherPartialIsRefusedNamingItRatherThanImportingAllOrNothing() {
        assertThatThrownBy(() -> Routes.importRequest(upload(Map.of("partial", List.of("yes")))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .containsExactly(Violation.of("partial", "yes", "true or false")));
    }

    @Test
    void aRouteIsItsPathWithoutATrailingSlash() {
        assertThat(Routes.route("/national/")).isEqualTo("/national");
        assertThat(Routes.route("/national")).isEqualTo("/national");
        assertThat(Routes.route("/")).isEqualTo("/");
    }

    @Test
    void anotherMethodIsRefusedWith405NamingTheOneAllowed() {
        assertThatThrownBy(() -> Routes.requireMethod("PUT", "GET", "/gaps"))
                .isInstanceOfSatisfying(PartnerProblem.class, p -> assertThat(p.status()).isEqualTo(405));
    }
}
