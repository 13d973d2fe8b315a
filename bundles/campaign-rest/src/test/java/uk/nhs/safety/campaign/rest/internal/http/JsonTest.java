package uk.nhs.safety.campaign.rest.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import uk.nhs.safety.campaign.api.ActionStatus;
import uk.nhs.safety.campaign.api.NewAction;
import uk.nhs.safety.campaign.api.NewMember;
import uk.nhs.safety.campaign.api.OrganisationType;
import uk.nhs.safety.campaign.api.PlanContent;
import uk.nhs.safety.campaign.api.Pledge;
import uk.nhs.safety.campaign.api.PledgeAction;
import uk.nhs.safety.campaign.api.partner.PartnerHealth;
import uk.nhs.safety.campaign.api.partner.PartnerInfo;

class JsonTest {

    private final Json json = new Json();

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private ProblemException refusal(String body, Class<?> type) {
        try {
            json.read(utf8(body), type);
        } catch (ProblemException e) {
            return e;
        }
        throw new AssertionError("accepted " + body);
    }

    @Test
    void writesAPartnersHealthInUpperCaseAsTheHealthCheckDoesAndOtherEnumsInLowerCase() {
        PartnerInfo info = new PartnerInfo("cqc", "Care Quality Commission", "1.0", "b",
                new PartnerHealth(PartnerHealth.Status.FAILED, "waits"));

        assertThat(new String(json.write(info), StandardCharsets.UTF_8)).isEqualTo("{\"id\":\"cqc\",\"name\":"
                + "\"Care Quality Commission\",\"version\":\"1.0\",\"bundle\":\"b\",\"health\":{\"status\":\"FAILED\","
                + "\"detail\":\"waits\"}}");
        assertThat(new String(json.write(ActionStatus.values()[0]), StandardCharsets.UTF_8))
                .isEqualTo("\"" + ActionStatus.values()[0].name().toLowerCase(java.util.Locale.ROOT) + "\"");
    }

    @Test
    void refusesAnUnknownFieldNamingItsPath() {
        String plan = """
                {"title": "t", "diagram": {"aim": "a", "primaryDrivers": [{"key": "P1", "txt": "x"}]}}
                """;

        ProblemException e = refusal(plan, PlanContent.class);

        assertThat(e.kind()).isEqualTo(Problem.Kind.VALIDATION);
        assertThat(e.errors()).singleElement().satisfies(err -> {
            assertThat(err.field()).isEqualTo("diagram.primaryDrivers[0].txt");
            assertThat(err.message()).startsWith("unknown field").contains("text");
        });
    }

    @Test
    void refusesAWrongTypeNamingTheFieldAndValue() {
        ProblemException e = refusal("{\"odsCode\": \"RGT\", \"joined\": \"yesterday\"}", NewMember.class);

        assertThat(e.kind()).isEqualTo(Problem.Kind.VALIDATION);
        assertThat(e.errors()).singleElement().satisfies(err -> {
            assertThat(err.field()).isEqualTo("joined");
            assertThat(err.message()).contains("yyyy-mm-dd");
        });
    }

    @Test
    void refusesANumberWhereTextBelongsInsteadOfCoercingIt() {
        ProblemException e = refusal("{\"odsCode\": 123}", NewMember.class);

        assertThat(e.errors()).singleElement().satisfies(err -> assertThat(err.field()).isEqualTo("odsCode"));
    }

    @Test
    void refusesAnUnknownEnumValueListingTheAcceptedOnes() {
        ProblemException e = refusal("{\"type\": \"hospital\"}", NewMember.class);

        assertThat(e.errors()).singleElement().satisfies(err -> {
            assertThat(err.field()).isEqualTo("type");
            assertThat(err.value()).isEqualTo("hospital");
            assertThat(err.message()).contains("acute").contains("mental_health");
        });
    }

    @Test
    void reportsSyntaxErrorsAsMalformedJsonWithTheLine() {
        ProblemException e = refusal("{\n\"odsCode\": \"RGT\",\n}", NewMember.class);

        assertThat(e.kind()).isEqualTo(Problem.Kind.MALFORMED_JSON);
        assertThat(e.errors()).singleElement().satisfies(err -> assertThat(err.line()).isEqualTo(3));
    }

    @Test
    void refusesDuplicateKeysEmptyBodiesAndNonObjects() {
        assertThat(refusal("{\"odsCode\": \"A\", \"odsCode\": \"B\"}", NewMember.class).kind())
                .isEqualTo(Problem.Kind.MALFORMED_JSON);
        assertThat(refusal("", NewMember.class).kind()).isEqualTo(Problem.Kind.MALFORMED_JSON);
        assertThat(refusal("null", NewMember.class).errors().get(0).field()).isEqualTo("body");
        assertThat(refusal("[1]", NewMember.class).errors().get(0).field()).isEqualTo("body");
        assertThat(refusal("{} {}", NewMember.class).kind()).isIn(Problem.Kind.MALFORMED_JSON,
                Problem.Kind.VALIDATION);
    }

    @Test
    void acceptsEnumsInAnyCaseAndPledgesByNumberOrName() {
        NewMember member = json.read(utf8("{\"odsCode\": \"RGT\", \"type\": \"Mental_Health\"}"), NewMember.class);
        NewAction byNumber = json.read(utf8("{\"pledge\": 3, \"status\": \"IN_PROGRESS\"}"), NewAction.class);
        NewAction byName = json.read(utf8("{\"pledge\": \"be_supportive\"}"), NewAction.class);

        assertThat(member.type()).isEqualTo(OrganisationType.MENTAL_HEALTH);
        assertThat(byNumber.pledge()).isEqualTo(Pledge.BE_HONEST);
        assertThat(byNumber.status()).isEqualTo(ActionStatus.IN_PROGRESS);
        assertThat(byName.pledge()).isEqualTo(Pledge.BE_SUPPORTIVE);
    }

    @Test
    void refusesAPledgeOutsideOneToFive() {
        ProblemException e = refusal("{\"pledge\": 6}", NewAction.class);

        assertThat(e.errors()).singleElement().satisfies(err -> {
            assertThat(err.field()).isEqualTo("pledge");
            assertThat(err.value()).isEqualTo("6");
        });
    }

    @Test
    void writesEnumsInLowerCaseAndDatesAsIsoStrings() {
        PledgeAction action = new PledgeAction(7, "RGT", Pledge.PUT_SAFETY_FIRST, "t", "Medical Director",
                LocalDate.of(2015, 4, 1), ActionStatus.IN_PROGRESS, true,
                Instant.parse("2015-03-02T10:15:30Z"), 2);

        String text = new String(json.write(action), StandardCharsets.UTF_8);

        assertThat(text).contains("\"pledge\":\"put_safety_first\"")
                .contains("\"status\":\"in_progress\"")
                .contains("\"dueDate\":\"2015-04-01\"")
                .contains("\"publishedAt\":\"2015-03-02T10:15:30Z\"");
    }
}
