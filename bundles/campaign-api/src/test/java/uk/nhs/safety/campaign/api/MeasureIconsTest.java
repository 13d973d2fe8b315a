package uk.nhs.safety.campaign.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import uk.nhs.safety.campaign.api.spc.Assurance;
import uk.nhs.safety.campaign.api.spc.ChartType;
import uk.nhs.safety.campaign.api.spc.ImprovementDirection;
import uk.nhs.safety.campaign.api.spc.SpcPoint;
import uk.nhs.safety.campaign.api.spc.SpcResult;
import uk.nhs.safety.campaign.api.spc.SpcRuleProfile;
import uk.nhs.safety.campaign.api.spc.TargetStep;
import uk.nhs.safety.campaign.api.spc.Variation;

class MeasureIconsTest {
    private static final LocalDate MAY_2016 = LocalDate.of(2016, 5, 1);
    private static final SpcPoint LATEST = new SpcPoint(MAY_2016, 0.9, 0.1, 1.0, 1.5, 0.5, null,
            Variation.COMMON_CAUSE, 0);

    @Test
    void aTrajectoryMeasureShowsTheTargetItsAssuranceWasJudgedAgainstNotTheStartingOne() {
        Measure falls = new Measure("falls", "Falls", MeasureType.OUTCOME, "def", "per 1,000", ImprovementDirection.DOWN,
                null, 1.4, "aim", List.of(), ChartType.XMR, null,
                List.of(new TargetStep(1.1, LocalDate.of(2015, 4, 1)), new TargetStep(0.9, LocalDate.of(2016, 4, 1))));
        SpcResult judged = new SpcResult(List.of(LATEST), List.of(), Variation.COMMON_CAUSE, Assurance.INCONSISTENT,
                false, ChartType.XMR, SpcRuleProfile.MDC, "", 0.9);

        MeasureIcons row = MeasureIcons.of(new MeasureProgress("RL4", falls, judged));

        assertThat(row.target()).isEqualTo(0.9);
        assertThat(row.latestPeriod()).isEqualTo(MAY_2016);
    }

    @Test
    void aSingleTargetMeasureShowsItsTargetWhenTheChartRecordsNone() {
        Measure falls = new Measure("falls", "Falls", MeasureType.OUTCOME, "def", "per 1,000", ImprovementDirection.DOWN,
                null, 1.4, "aim", List.of());
        SpcResult unjudged = new SpcResult(List.of(LATEST), List.of(), Variation.COMMON_CAUSE,
                Assurance.NOT_APPLICABLE, true);

        assertThat(MeasureIcons.of(new MeasureProgress("RL4", falls, unjudged)).target()).isEqualTo(1.4);
    }
}
