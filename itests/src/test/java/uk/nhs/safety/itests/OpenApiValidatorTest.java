package uk.nhs.safety.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The validator the end-to-end tests check every answer with, against hand-written bodies of the shapes the API spec
 * describes: it accepts what the document promises and names what it does not (unknown fields, wrong enum case,
 * impossible dates, undocumented statuses and media types).
 */
class OpenApiValidatorTest {

    private static final String MEMBER = """
            {"odsCode":"RGT","name":"CAMBRIDGE UNIVERSITY HOSPITALS NHS FOUNDATION TRUST","type":"acute",
             "region":"East of England","postcode":"CB2 0QQ","joined":"2014-06-24","status":"active",
             "openDate":"1993-04-01","closeDate":null,"closed":false,"demo":true,"version":3}""";

    private static final String PLAN_CONTENT = """
            {"title":"[DEMO] Safer care","periodStart":"2014-04-01","periodEnd":"2017-03-31","focusAreas":["sepsis"],
             "diagram":{"aim":"Halve cardiac arrests by March 2017",
                        "primaryDrivers":[{"key":"P1","text":"Recognition"}],
                        "secondaryDrivers":[{"key":"S1","text":"NEWS","primaryKeys":["P1"]}],
                        "changeIdeas":[{"key":"C1","text":"e-obs","secondaryKeys":["S1"]}]},
             "measures":[{"key":"cardiac-arrests-per-1000","name":"Cardiac arrests","type":"outcome",
                          "definition":null,"unit":"per 1,000 admissions","direction":"down","baseline":1.6,
                          "target":0.8,"linkedTo":"aim","rebaseFrom":[]}]}""";

    private static OpenApiValidator validator;

    @BeforeAll
    static void load() {
        validator = OpenApiValidator.of(OpenApiValidator.repositoryDocument());
    }

    @Test
    void acceptsAMemberAsTheSpecDescribesIt() {
        assertThat(validator.checkResponse("GET", "/api/v1/members/{ods}", 200, "application/json; charset=utf-8",
                MEMBER)).isEmpty();
    }

    @Test
    void acceptsAMemberThatLeavesItsNullFieldsOut() {
        String withoutNulls = """
                {"odsCode":"RGT","name":"CAMBRIDGE","type":"acute","joined":"2014-06-24","status":"withdrawn",
                 "closed":false,"demo":false,"version":0}""";
        assertThat(validator.checkResponse("GET", "/api/v1/members/{ods}", 200, "application/json", withoutNulls))
                .isEmpty();
    }

    @Test
    void namesAFieldTheDocumentDoesNotDescribe() {
        String extra = MEMBER.replace("\"demo\":true", "\"demo\":true,\"lockVersion\":3");
        assertThat(validator.checkResponse("GET", "/api/v1/members/{ods}", 200, "application/json", extra))
                .singleElement().asString().contains("lockVersion");
    }

    @Test
    void refusesAnEnumInUpperCase() {
        String upper = MEMBER.replace("\"acute\"", "\"ACUTE\"");
        assertThat(validator.checkResponse("GET", "/api/v1/members/{ods}", 200, "application/json", upper))
                .isNotEmpty().allSatisfy(problem -> assertThat(problem).contains("type"));
    }

    @Test
    void refusesADateThatIsNotARealDate() {
        String badDate = MEMBER.replace("2014-06-24", "2014-13-45");
        assertThat(validator.checkResponse("GET", "/api/v1/members/{ods}", 200, "application/json", badDate))
                .isNotEmpty().anySatisfy(problem -> assertThat(problem).contains("joined"));
    }

    @Test
    void refusesAMissingRequiredField() {
        String noVersion = MEMBER.replace(",\"version\":3", "");
        assertThat(validator.checkResponse("GET", "/api/v1/members/{ods}", 200, "application/json", noVersion))
                .singleElement().asString().contains("version");
    }

    @Test
    void acceptsAProblemWithViolationsAndRefusesAStackTrace() {
        String problem = """
                {"type":"https://signuptosafety.nhs.uk/problems/validation","title":"Invalid input","status":400,
                 "detail":"1 problem","instance":"/api/v1/members/import",
                 "errors":[{"field":"code","value":"R!!","message":"not a trust code","line":2}]}""";
        assertThat(validator.checkResponse("POST", "/api/v1/members/import", 400, "application/problem+json",
                problem)).isEmpty();
        String leaky = problem.replace("\"status\":400", "\"status\":400,\"trace\":\"java.lang.NullPointerException\"");
        assertThat(validator.checkResponse("POST", "/api/v1/members/import", 400, "application/problem+json",
                leaky)).singleElement().asString().contains("trace");
    }

    @Test
    void refusesAnErrorAnsweredAsPlainJson() {
        String problem = """
                {"type":"https://signuptosafety.nhs.uk/problems/not-found","title":"Not found","status":404,
                 "detail":"no member ZZZ99","instance":"/api/v1/members/ZZZ99"}""";
        assertThat(validator.checkResponse("GET", "/api/v1/members/{ods}", 404, "application/problem+json", problem))
                .isEmpty();
        assertThat(validator.checkResponse("GET", "/api/v1/members/{ods}", 404, "application/json", problem))
                .singleElement().asString().contains("application/problem+json");
    }

    @Test
    void refusesAStatusTheOperationDoesNotDocument() {
        assertThat(validator.checkResponse("GET", "/api/v1/members/{ods}", 418, "application/json", MEMBER))
                .singleElement().asString().contains("418");
        assertThat(validator.checkResponse("GET", "/api/v1/pledges", 403, "application/problem+json", "{}"))
                .singleElement().asString().contains("403");
    }

    @Test
    void acceptsEitherPlanShapeButNotAMixtureOfBoth() {
        String version = "{\"odsCode\":\"RGT\",\"number\":1,\"publishedAt\":\"2014-06-24T10:15:30Z\","
                + "\"publishedBy\":\"system:demo\",\"content\":" + PLAN_CONTENT + "}";
        String workingCopy = "{\"odsCode\":\"RGT\",\"status\":\"draft\",\"publishedVersion\":1,"
                + "\"updatedAt\":\"2019-01-01T00:00:00Z\",\"updatedBy\":\"rgt-editor\",\"version\":4,\"content\":"
                + PLAN_CONTENT + "}";
        String mixture = version.replace("\"number\":1,", "\"number\":1,\"status\":\"draft\",");
        assertThat(validator.checkResponse("GET", "/api/v1/members/{ods}/plan", 200, "application/json", version))
                .isEmpty();
        assertThat(validator.checkResponse("GET", "/api/v1/members/{ods}/plan", 200, "application/json",
                workingCopy)).isEmpty();
        assertThat(validator.checkResponse("GET", "/api/v1/members/{ods}/plan", 200, "application/json", mixture))
                .isNotEmpty();
    }

    @Test
    void acceptsPledgeCountsWithDraftsForEditorsAndWithoutForOthers() {
        String anonymous = """
                {"odsCode":"RGT","pagePublished":false,"missing":[4],"pledges":[
                 {"number":1,"title":"Put safety first","published":2},
                 {"number":4,"title":"Collaborate","published":0}]}""";
        String editor = anonymous.replace("\"published\":2}", "\"published\":2,\"drafts\":1}");
        assertThat(validator.checkResponse("GET", "/api/v1/members/{ods}/pledges", 200, "application/json",
                anonymous)).isEmpty();
        assertThat(validator.checkResponse("GET", "/api/v1/members/{ods}/pledges", 200, "application/json", editor))
                .isEmpty();
    }

    @Test
    void acceptsAnXmrChartWithAFirstPointWithoutMovingRange() {
        String progress = """
                {"odsCode":"RGT","measure":{"key":"falls","name":"Falls","type":"outcome","definition":"falls",
                  "unit":"per 1,000 bed days","direction":"down","baseline":null,"target":null,"linkedTo":"aim",
                  "rebaseFrom":[]},
                 "spc":{"points":[
                   {"period":"2014-04-01","value":1.5,"movingRange":null,"mean":1.4,"upperLimit":2.0,"lowerLimit":0.8,
                    "specialCause":null,"variation":"common_cause","phase":0},
                   {"period":"2014-05-01","value":2.5,"movingRange":1.0,"mean":1.4,"upperLimit":2.0,"lowerLimit":0.8,
                    "specialCause":"outside_limits","variation":"concern_high","phase":0}],
                  "phases":[{"from":"2014-04-01","points":2,"mean":1.4,"meanMovingRange":1.0,"upperLimit":2.0,
                    "lowerLimit":0.8,"provisional":true}],
                  "variation":"concern_high","assurance":"not_applicable","provisional":true,"chartType":"xmr",
                  "profile":{"name":"MDC","version":"2023-11","runLength":7,"trendLength":7,"minimumPoints":13,
                    "twoOfThree":"including_beyond_limits","screenMovingRanges":false,"conflict":"improvement_wins",
                    "assuranceNeedsFirmLimits":true},
                  "limitsNote":"Process limits are the mean ± 2.66 × the mean moving range of each phase."}}""";
        assertThat(validator.checkResponse("GET", "/api/v1/members/{ods}/measures/{key}", 200, "application/json",
                progress)).isEmpty();
        assertThat(validator.checkResponse("GET", "/api/v1/members/{ods}/measures/{key}", 200, "application/json",
                progress.replace("\"outside_limits\"", "\"OUTSIDE_LIMITS\""))).isNotEmpty();
    }

    @Test
    void acceptsAPageOfMembersAndHealth() {
        String page = "{\"items\":[" + MEMBER + "],\"total\":241,\"offset\":0,\"limit\":1}";
        assertThat(validator.checkResponse("GET", "/api/v1/members", 200, "application/json", page)).isEmpty();
        String health = """
                {"status":"UP","database":{"status":"UP"},"migrations":{"status":"UP"},
                 "partners":[{"id":"cqc","status":"UP"}]}""";
        assertThat(validator.checkResponse("GET", "/api/health", 200, "application/json", health)).isEmpty();
        assertThat(validator.checkResponse("GET", "/api/health", 503, "application/json",
                health.replace("{\"status\":\"UP\",\"database\"", "{\"status\":\"DOWN\",\"database\""))).isEmpty();
    }

    @Test
    void acceptsTheExamplePlanAsARequestBodyAndRefusesAnOverLongActionText() throws IOException {
        String examplePlan = Files.readString(Path.of(System.getProperty("example.plan",
                "../karaf-distribution/src/main/assembly/imports/example-plan.json")));
        assertThat(validator.checkRequest("PUT", "/api/v1/members/{ods}/plan", "application/json", examplePlan))
                .isEmpty();
        String action = "{\"pledge\":3,\"text\":\"%s\",\"ownerRole\":\"Director of Nursing\",\"status\":\"planned\"}";
        assertThat(validator.checkRequest("POST", "/api/v1/members/{ods}/actions", "application/json",
                action.formatted("x".repeat(2000)))).isEmpty();
        assertThat(validator.checkRequest("POST", "/api/v1/members/{ods}/actions", "application/json",
                action.formatted("x".repeat(2001)))).singleElement().asString().contains("text");
    }

    @Test
    void acceptsWhateverAPartnerRouteAnswersOnSuccess() {
        assertThat(validator.checkResponse("GET", "/api/v1/partners/{partnerId}/{partnerPath}", 200, "text/csv",
                "a,b\n1,2\n")).isEmpty();
    }

    @Test
    void refusesABodyWhereTheDocumentPromisesNone() {
        assertThat(validator.checkResponse("GET", "/api/v1/members/{ods}", 304, null, "")).isEmpty();
        assertThat(validator.checkResponse("GET", "/api/v1/members/{ods}", 304, "application/json", MEMBER))
                .singleElement().asString().contains("no body");
    }
}
