package uk.nhs.safety.campaign.rest.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class RouterTest {

    private final Router<String> router = Router.<String>builder()
            .add("GET", "/members", "list")
            .add("POST", "/members", "join")
            .add("POST", "/members/import", "import")
            .add("GET", "/members/{ods}", "member")
            .add("PUT", "/members/{ods}/actions/{id}", "update")
            .add("*", "/partners/{id}/{rest...}", "partner")
            .build();

    @Test
    void bindsPathParametersOfTheMatchingTemplate() {
        Router.Match<String> match = router.match("PUT", "/members/RGT/actions/42");

        assertThat(match.handler()).isEqualTo("update");
        assertThat(match.params()).isEqualTo(Map.of("ods", "RGT", "id", "42"));
    }

    @Test
    void prefersTheTemplateWithMoreLiteralSegments() {
        assertThat(router.match("POST", "/members/import").handler()).isEqualTo("import");
        assertThat(router.match("GET", "/members/import").handler()).isEqualTo("member");
    }

    @Test
    void choosesByMethodOnTheSamePath() {
        assertThat(router.match("GET", "/members").handler()).isEqualTo("list");
        assertThat(router.match("post", "/members").handler()).isEqualTo("join");
    }

    @Test
    void ignoresATrailingSlash() {
        assertThat(router.match("GET", "/members/").handler()).isEqualTo("list");
    }

    @Test
    void answersHeadWithTheGetRoute() {
        assertThat(router.match("HEAD", "/members/RGT").handler()).isEqualTo("member");
    }

    @Test
    void givesTheRestOfThePathToATailParameterForAnyMethod() {
        Router.Match<String> deep = router.match("DELETE", "/partners/cqc/evidence/2015/RGT");
        Router.Match<String> root = router.match("GET", "/partners/cqc");

        assertThat(deep.params()).containsEntry("id", "cqc").containsEntry("rest", "evidence/2015/RGT");
        assertThat(root.params()).containsEntry("id", "cqc").containsEntry("rest", "");
    }

    @Test
    void refusesAnUnknownPathWith404() {
        assertThatThrownBy(() -> router.match("GET", "/members/RGT/nothing"))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.kind()).isEqualTo(Problem.Kind.NOT_FOUND));
        assertThatThrownBy(() -> router.match("GET", "/"))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.kind()).isEqualTo(Problem.Kind.NOT_FOUND));
    }

    @Test
    void refusesAnUnsupportedMethodWith405ListingTheAllowedOnes() {
        assertThatThrownBy(() -> router.match("DELETE", "/members"))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Problem.Kind.METHOD_NOT_ALLOWED);
                    assertThat(e.headers()).containsEntry("Allow", "GET, HEAD, POST");
                });
    }

    @Test
    void refusesTheSameRouteTwice() {
        Router.Builder<String> builder = Router.<String>builder().add("GET", "/a", "one");

        assertThatThrownBy(() -> builder.add("get", "/a", "two")).isInstanceOf(IllegalArgumentException.class);
    }
}
