package uk.nhs.safety.partner.nhsi.internal.national;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import uk.nhs.safety.partner.nhsi.internal.incidents.MonthCounts;

class HarmRollupTest {

    /** Baseline April-June 2013, a window of 2 months, every death and 10% of severe harm a life. */
    private static final Assumptions A = new Assumptions(YearMonth.of(2013, 4), YearMonth.of(2013, 6), 2, 1.0, 0.1,
            50, 6000);

    private static MonthCounts m(String month, long moderate, long severe, long death) {
        return new MonthCounts(YearMonth.parse(month), 100 + moderate + severe + death, moderate, severe, death);
    }

    @Test
    void livesSavedAndHarmReductionWorkedByHand() {
        // Member A. Baseline (3 months): moderate 20, severe 10, death 2 each month.
        //   Baseline means: deaths D = 2, severe S = 10, moderate-or-worse B = 32 a month.
        //   After: 2013-07 moderate 14, severe 5, death 1; 2013-08 moderate 15, severe 5, death 0.
        //   Deaths avoided = (2 - 1) + (2 - 0) = 3; severe avoided = (10 - 5) + (10 - 5) = 10.
        //   Window (2 months up to 2013-08): moderate-or-worse 20 and 20, mean C = 20.
        // Member B. Baseline 2013-05 only: moderate 8, severe 2, death 0 (B = 10; D = 0, S = 2).
        //   After: 2013-08 moderate 9, severe 3, death 1 (a worse month: counts against).
        //   Deaths avoided = 0 - 1 = -1; severe avoided = 2 - 3 = -1. Window mean C = 13.
        // Member C: no baseline data, excluded from both.
        // Lives saved = 1.0 x (3 - 1) + 0.1 x (10 - 1) = 2 + 0.9 = 2.9.
        // Harm reduction = (32 + 10 - (20 + 13)) / (32 + 10) x 100 = 9 / 42 x 100 = 21.428...%.
        Map<String, List<MonthCounts>> data = Map.of(
                "A", List.of(m("2013-04", 20, 10, 2), m("2013-05", 20, 10, 2), m("2013-06", 20, 10, 2),
                        m("2013-07", 14, 5, 1), m("2013-08", 15, 5, 0)),
                "B", List.of(m("2013-05", 8, 2, 0), m("2013-08", 9, 3, 1)),
                "C", List.of(m("2013-08", 50, 50, 50)));

        HarmRollup r = HarmRollup.of(data, A, YearMonth.of(2013, 8));

        assertThat(r.deathsAvoided()).isCloseTo(2.0, within(1e-9));
        assertThat(r.severeAvoided()).isCloseTo(9.0, within(1e-9));
        assertThat(r.livesSaved()).isCloseTo(2.9, within(1e-9));
        assertThat(r.livesMembers()).isEqualTo(2);
        assertThat(r.members()).isEqualTo(2);
        assertThat(r.baselineMonthly()).isCloseTo(42.0, within(1e-9));
        assertThat(r.currentMonthly()).isCloseTo(33.0, within(1e-9));
        assertThat(r.reductionPercent()).isCloseTo(100.0 * 9 / 42, within(1e-9));
        assertThat(r.window()).containsExactly(YearMonth.of(2013, 7), YearMonth.of(2013, 8));
    }

    @Test
    void windowNeverReachesBackIntoTheBaseline() {
        Assumptions wide = new Assumptions(YearMonth.of(2013, 4), YearMonth.of(2013, 6), 12, 1.0, 0.0, 50, 6000);
        Map<String, List<MonthCounts>> data = Map.of("A", List.of(m("2013-04", 10, 0, 0), m("2013-07", 5, 0, 0)));

        HarmRollup r = HarmRollup.of(data, wide, YearMonth.of(2013, 7));

        // Only 2013-07 is in the window: (10 - 5) / 10 = 50%.
        assertThat(r.window()).containsExactly(YearMonth.of(2013, 7), YearMonth.of(2013, 7));
        assertThat(r.reductionPercent()).isCloseTo(50.0, within(1e-9));
    }

    @Test
    void noDataGivesNoFigures() {
        HarmRollup r = HarmRollup.of(Map.of(), A, null);

        assertThat(r.reductionPercent()).isNull();
        assertThat(r.livesMembers()).isZero();
        assertThat(r.window()).isNull();
    }
}
