package uk.nhs.safety.campaign.rest.internal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import uk.nhs.safety.campaign.api.partner.PartnerRequest;
import uk.nhs.safety.campaign.api.partner.PartnerResponse;
import uk.nhs.safety.campaign.api.partner.PartnerRoutes;
import uk.nhs.safety.campaign.api.partner.RouteAccess;
import uk.nhs.safety.campaign.rest.internal.http.Json;
import uk.nhs.safety.campaign.rest.internal.security.Caller;

/**
 * Every write route (and the restricted reads) × every kind of caller, against the spec's table. The expectations
 * are written out by hand per row: A = allowed, 401 = must authenticate, 403 = forbidden.
 */
class AuthorisationMatrixTest {

    private static final Caller ANONYMOUS = Caller.ANONYMOUS;
    private static final Caller ADMIN = new Caller("alice", Set.of("admin"));
    private static final Caller OPERATOR = new Caller("olive", Set.of("operator"));
    private static final Caller EDITOR_RGT = new Caller("ed", Set.of("member-editor", "member:RGT"));
    private static final Caller EDITOR_RJZ = new Caller("jo", Set.of("member-editor", "member:RJZ"));
    private static final Caller PARTNER_CQC = new Caller("partner:cqc", Set.of("partner", "partner:cqc"));

    private static final Map<String, Caller> CALLERS = Map.of("anonymous", ANONYMOUS, "admin", ADMIN,
            "operator", OPERATOR, "editorRGT", EDITOR_RGT, "editorRJZ", EDITOR_RJZ, "partnerCqc", PARTNER_CQC);

    private final CampaignApi api = new CampaignApi(
            new CampaignServices(null, null, null, null, null, null, null, null), directory(), new Json(), () -> null);

    /** NHS I's routes open its national roll-up to the public and its member summaries to any known caller. */
    private static PartnerDirectory directory() {
        PartnerDirectory directory = new PartnerDirectory();
        directory.add(new PartnerRoutes() {
            @Override
            public String partnerId() {
                return "nhsi";
            }

            @Override
            public RouteAccess access(String method, String path) {
                return path.equals("/national") ? RouteAccess.PUBLIC
                        : path.startsWith("/members/") ? RouteAccess.AUTHENTICATED : RouteAccess.PARTNER;
            }

            @Override
            public PartnerResponse handle(PartnerRequest request) {
                throw new UnsupportedOperationException("only authorisation is tested here");
            }
        });
        return directory;
    }

    static Stream<Arguments> matrix() {
        // method, path, anonymous, admin, operator, editor of RGT, editor of RJZ, partner:cqc
        return Stream.of(
                row("POST", "/focus-areas", "401", "A", "403", "403", "403", "403"),
                row("POST", "/members", "401", "A", "A", "403", "403", "403"),
                row("POST", "/members/import", "401", "A", "A", "403", "403", "403"),
                row("POST", "/members/RGT/withdraw", "401", "A", "A", "403", "403", "403"),
                row("POST", "/members/RGT/actions", "401", "A", "403", "A", "403", "403"),
                row("PUT", "/members/RGT/actions/7", "401", "A", "403", "A", "403", "403"),
                row("POST", "/members/RGT/actions/7/publish", "401", "A", "403", "A", "403", "403"),
                row("PUT", "/members/RGT/plan", "401", "A", "403", "A", "403", "403"),
                row("POST", "/members/RGT/plan/publish", "401", "A", "403", "A", "403", "403"),
                row("POST", "/members/RGT/measures/falls-per-1000/measurements",
                        "401", "A", "403", "A", "403", "403"),
                row("POST", "/members/rgt/actions", "401", "A", "403", "A", "403", "403"),
                row("POST", "/members/RGT/pdsa-cycles", "401", "A", "403", "A", "403", "403"),
                row("PUT", "/members/RGT/pdsa-cycles/C1/1", "401", "A", "403", "A", "403", "403"),
                row("GET", "/members/RGT/pdsa-cycles", "A", "A", "A", "A", "A", "A"),
                row("PUT", "/members/RGT/measures/falls/annotations/2015-05", "401", "A", "403", "A", "403", "403"),
                row("DELETE", "/members/RGT/measures/falls/annotations/2015-05", "401", "A", "403", "A", "403", "403"),
                row("GET", "/members/RGT/audit", "401", "A", "A", "A", "403", "403"),
                row("GET", "/audit", "401", "A", "A", "403", "403", "403"),
                row("GET", "/partners", "401", "A", "A", "403", "403", "403"),
                row("POST", "/partners/cqc/evidence", "401", "A", "403", "403", "403", "A"),
                row("GET", "/partners/nhsla/claims", "401", "A", "403", "403", "403", "403"),
                row("GET", "/partners/nhsi/national", "A", "A", "A", "A", "A", "A"),
                row("GET", "/partners/nhsi/members/RGT", "401", "A", "A", "A", "A", "A"),
                row("POST", "/partners/nhsi/incidents", "401", "A", "403", "403", "403", "403"),
                row("POST", "/admin/partners/install", "401", "A", "403", "403", "403", "403"),
                row("POST", "/admin/partners/uninstall", "401", "A", "403", "403", "403", "403"),
                row("GET", "/members/RGT/plan", "A", "A", "A", "A", "A", "A"),
                row("GET", "/members", "A", "A", "A", "A", "A", "A"));
    }

    private static Arguments row(String method, String path, String anonymous, String admin, String operator,
                                 String editorRgt, String editorRjz, String partnerCqc) {
        return Arguments.of(method, path, Map.of("anonymous", anonymous, "admin", admin, "operator", operator,
                "editorRGT", editorRgt, "editorRJZ", editorRjz, "partnerCqc", partnerCqc));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("matrix")
    void allowsExactlyTheRolesOfTheSpec(String method, String path, Map<String, String> expected) {
        expected.forEach((who, outcome) -> {
            Access.Decision decision = api.authorise(method, path, CALLERS.get(who));
            assertThat(label(decision)).as("%s %s as %s", method, path, who).isEqualTo(outcome);
        });
    }

    private static String label(Access.Decision decision) {
        return switch (decision) {
            case ALLOW -> "A";
            case UNAUTHENTICATED -> "401";
            case FORBIDDEN -> "403";
        };
    }
}
