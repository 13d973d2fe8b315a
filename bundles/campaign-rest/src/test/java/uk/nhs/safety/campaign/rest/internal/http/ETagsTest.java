package uk.nhs.safety.campaign.rest.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ETagsTest {

    @Test
    void readsTheVersionFromAQuotedTag() {
        assertThat(ETags.requiredVersion("\"7\"")).isEqualTo(7L);
        assertThat(ETags.requiredVersion(ETags.ofVersion(12))).isEqualTo(12L);
    }

    @Test
    void asksForIfMatchWhenItIsMissingWith428() {
        assertKind(() -> ETags.requiredVersion(null), Problem.Kind.PRECONDITION_REQUIRED);
        assertKind(() -> ETags.requiredVersion(" "), Problem.Kind.PRECONDITION_REQUIRED);
        assertKind(() -> ETags.requiredVersion("*"), Problem.Kind.PRECONDITION_REQUIRED);
    }

    @Test
    void refusesAnUnreadableIfMatchNamingTheHeader() {
        assertThatThrownBy(() -> ETags.requiredVersion("\"v3\""))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Problem.Kind.VALIDATION);
                    assertThat(e.errors()).singleElement().satisfies(err -> {
                        assertThat(err.field()).isEqualTo("If-Match");
                        assertThat(err.value()).isEqualTo("\"v3\"");
                    });
                });
    }

    @Test
    void createsAPlanOnIfNoneMatchStarAndUpdatesOnIfMatch() {
        assertThat(ETags.planWrite(null, "*")).isEqualTo(new ETags.PlanWrite(true, null));
        assertThat(ETags.planWrite("\"4\"", null)).isEqualTo(new ETags.PlanWrite(false, 4L));
    }

    @Test
    void refusesAPlanWriteWithoutAPrecondition() {
        assertKind(() -> ETags.planWrite(null, null), Problem.Kind.PRECONDITION_REQUIRED);
        assertKind(() -> ETags.planWrite("\"4\"", "*"), Problem.Kind.VALIDATION);
        assertKind(() -> ETags.planWrite(null, "\"4\""), Problem.Kind.VALIDATION);
    }

    @Test
    void findsIfNoneMatchHitsByWeakComparison() {
        assertThat(ETags.noneMatchHits("\"3\"", "\"3\"")).isTrue();
        assertThat(ETags.noneMatchHits("W/\"3\"", "\"3\"")).isTrue();
        assertThat(ETags.noneMatchHits("\"1\", \"3\"", "\"3\"")).isTrue();
        assertThat(ETags.noneMatchHits("*", "\"v2\"")).isTrue();
    }

    @Test
    void missesWhenTheTagDiffersOrIsAbsent() {
        assertThat(ETags.noneMatchHits("\"2\"", "\"3\"")).isFalse();
        assertThat(ETags.noneMatchHits("\"3\"", "\"v3\"")).isFalse();
        assertThat(ETags.noneMatchHits(null, "\"3\"")).isFalse();
        assertThat(ETags.noneMatchHits("\"3\"", null)).isFalse();
    }

    private static void assertKind(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, Problem.Kind kind) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.kind()).isEqualTo(kind));
    }
}
