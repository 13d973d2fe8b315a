package uk.nhs.safety.partner.nhsla.internal.incentive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import uk.nhs.safety.partner.nhsla.internal.profile.Linkage;

class IncentiveRulesTest {

    private final IncentiveRules rules = new IncentiveRules(10, 1_000_000, Set.of(2014));

    private static Linkage linkage(int planVersion, boolean addressed) {
        return new Linkage("RGT", planVersion, List.of("maternity"), 2010, 2014, "rule",
                List.of(new Linkage.AreaLink("Obstetrics", false, true, 10, 500_000,
                        List.of(new Linkage.FocusLink("maternity", 10, 500_000, addressed)), addressed,
                        addressed ? 500_000 : 0)),
                addressed ? 500_000 : 0, addressed ? 0 : 500_000);
    }

    @Test
    void approvesABidWithinTenPercentForAnAddressedHighArea() {
        // contribution £10,000.00; 10% = £1,000.00 asked exactly
        Assessment a = rules.assess(new Bid("RGT", 2014, 1_000_000, 100_000, List.of("obstetrics")), linkage(1, true));
        assertThat(a.approved()).isTrue();
        assertThat(a.scorePence()).isEqualTo(500_000);
    }

    @Test
    void rejectsAskingMoreThanTenPercentWithoutAPlanOrForAnUnaddressedArea() {
        Assessment over = rules.assess(new Bid("RGT", 2014, 1_000_000, 100_001, List.of("Obstetrics")),
                linkage(1, true));
        assertThat(over.approved()).isFalse();
        assertThat(over.reasons()).anyMatch(r -> r.contains("more than 10% of the CNST contribution £10,000.00"));
        Assessment noPlan = rules.assess(new Bid("RGT", 2014, 1_000_000, 1, List.of("Obstetrics")), linkage(0, false));
        assertThat(noPlan.reasons()).containsExactly("the member has no published safety improvement plan",
                "Obstetrics is a high-value area (a published plan would address it through maternity)");
        Assessment unaddressed = rules.assess(new Bid("RGT", 2014, 1_000_000, 1, List.of("Obstetrics")),
                linkage(1, false));
        assertThat(unaddressed.reasons()).containsExactly(
                "Obstetrics is a high-value area but the published plan names none of its focus areas (maternity)",
                "the bid names no high-volume or high-value area that the published plan addresses");
        Assessment notHigh = rules.assess(new Bid("RGT", 2013, 1_000_000, 1, List.of("Dental")), linkage(1, true));
        assertThat(notHigh.approved()).isFalse();
        assertThat(notHigh.reasons()).anyMatch(r -> r.startsWith("scheme year 2013 is not open"))
                .contains("Dental is not one of the member's high-volume or high-value claim areas");
    }

    @Test
    void allocatesByRankUntilTheCapIsSpent() {
        // cap £10,000: X (score 900) asks 6,000 -> funded; Y (score 500) asks 6,000 -> gets the 4,000 left; Z none
        List<Assessment> bids = List.of(
                new Assessment(new Bid("Y", 2014, 0, 600_000, List.of()), true, List.of(), 500),
                new Assessment(new Bid("X", 2014, 0, 600_000, List.of()), true, List.of(), 900),
                new Assessment(new Bid("Z", 2014, 0, 100, List.of()), true, List.of(), 100),
                new Assessment(new Bid("W", 2014, 0, 100, List.of()), false, List.of("no"), 0));
        Allocation a = rules.allocate(2014, bids);
        assertThat(a.lines()).extracting(Allocation.Line::odsCode).containsExactly("X", "Y", "Z");
        assertThat(a.lines()).extracting(Allocation.Line::grantedPence).containsExactly(600_000L, 400_000L, 0L);
        assertThat(a.allocatedPence()).isEqualTo(1_000_000);
        assertThat(a.rejectedBids()).isEqualTo(1);
    }
}
