package uk.nhs.safety.partner.nhsla.internal.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class AreaRuleTest {

    // Counts 50/30/15/5 (total 100); values 10/20/600/370 (total 1,000).
    private final List<Slice> slices = List.of(new Slice("A", 50, 10), new Slice("B", 30, 20),
            new Slice("C", 15, 600), new Slice("D", 5, 370));

    @Test
    void cumulativeTakesTheSmallestSetCoveringTheThreshold() {
        AreaRule rule = new AreaRule(AreaRule.Kind.CUMULATIVE, 80);
        // by count: A 50 (<80), +B = 80 reaches 80% -> A, B
        assertThat(rule.select(slices, Slice.Metric.COUNT)).containsExactly("A", "B");
        // by value: C 600 (60%), +D 970 (97%) -> C, D
        assertThat(rule.select(slices, Slice.Metric.VALUE)).containsExactly("C", "D");
        // 81%: A+B = 80 is short, C makes 95 -> A, B, C
        assertThat(new AreaRule(AreaRule.Kind.CUMULATIVE, 81).select(slices, Slice.Metric.COUNT))
                .containsExactly("A", "B", "C");
    }

    @Test
    void shareTakesEachAreaAboveTheThresholdOnItsOwn() {
        // 15% of count: A 50, B 30, C 15 (exactly 15 counts); D 5 does not
        assertThat(new AreaRule(AreaRule.Kind.SHARE, 15).select(slices, Slice.Metric.COUNT))
                .containsExactly("A", "B", "C");
    }

    @Test
    void topTakesTheLargestN() {
        assertThat(new AreaRule(AreaRule.Kind.TOP, 1).select(slices, Slice.Metric.VALUE)).containsExactly("C");
    }

    @Test
    void noClaimsMeansNoAreasAndTheRuleSaysWhichItIs() {
        assertThat(new AreaRule(AreaRule.Kind.CUMULATIVE, 80).select(List.of(), Slice.Metric.COUNT)).isEmpty();
        assertThat(AreaRule.of("share", 20).describe()).contains("at least 20%");
    }
}
