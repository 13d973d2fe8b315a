package uk.nhs.safety.campaign.console.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import uk.nhs.safety.campaign.api.Measure;
import uk.nhs.safety.campaign.api.MeasureProgress;
import uk.nhs.safety.campaign.api.MeasureType;
import uk.nhs.safety.campaign.api.spc.Assurance;
import uk.nhs.safety.campaign.api.spc.ChartType;
import uk.nhs.safety.campaign.api.spc.SpcRuleProfile;
import uk.nhs.safety.campaign.api.spc.TargetStep;
import uk.nhs.safety.campaign.api.spc.ImprovementDirection;
import uk.nhs.safety.campaign.api.spc.SpcPhase;
import uk.nhs.safety.campaign.api.spc.SpcPoint;
import uk.nhs.safety.campaign.api.spc.SpcResult;
import uk.nhs.safety.campaign.api.spc.SpecialCause;
import uk.nhs.safety.campaign.api.spc.Variation;
import uk.nhs.safety.partner.testkit.ConsoleOutput;

class MeasureShowCommandTest {

    private static final Measure FALLS = new Measure("falls-per-1000", "Inpatient falls with harm", MeasureType.OUTCOME,
            "Falls with harm per 1,000 occupied bed days", "per 1,000 bed days", ImprovementDirection.DOWN, 11.0, 5.0,
            "aim", List.of());

    /**
     * Seven monthly values, the last far below the rest. Mean 70 / 7 = 10; moving ranges 2, 1, 2, 1, 1, 10 average
     * 17 / 6; limits 10 ± 2.66 × 17 / 6 = 2.4633… and 17.5366…; the last value is below the lower limit, which for a
     * falls measure (lower is better) is an improvement.
     */
    private static MeasureProgress progress() {
        double[] values = {10, 12, 11, 13, 12, 11, 1};
        double mean = 10.0;
        double mr = 17.0 / 6;
        double ucl = mean + 2.66 * mr;
        double lcl = mean - 2.66 * mr;
        List<SpcPoint> points = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            boolean last = i == values.length - 1;
            points.add(new SpcPoint(LocalDate.of(2015, 4 + i, 1), values[i],
                    i == 0 ? null : Math.abs(values[i] - values[i - 1]), mean, ucl, lcl,
                    last ? SpecialCause.OUTSIDE_LIMITS : null, last ? Variation.IMPROVEMENT_LOW : Variation.COMMON_CAUSE,
                    0));
        }
        SpcPhase phase = new SpcPhase(LocalDate.of(2015, 4, 1), values.length, mean, mr, ucl, lcl, true);
        SpcResult spc = new SpcResult(points, List.of(phase), Variation.IMPROVEMENT_LOW, Assurance.INCONSISTENT, true);
        return new MeasureProgress("RGT", FALLS, spc);
    }

    private static ConsoleOutput show(MeasureProgress progress) throws Exception {
        FakeMeasureService measures = new FakeMeasureService();
        measures.progress = progress;
        MeasureShowCommand command = new MeasureShowCommand();
        command.measureService = measures;
        command.in(FakeSession.of("alice"));
        command.ods = "rgt";
        command.measure = "falls-per-1000";
        return ConsoleOutput.run(command);
    }

    @Test
    void showsEveryPointWithItsLimitsAndFlagsOnlyTheSpecialCause() throws Exception {
        ConsoleOutput output = show(progress());

        assertThat(output.err()).isEmpty();
        assertThat(output.exitStatus()).isZero();
        assertThat(output.row("Period")).hasValue(
                List.of("Period", "Value", "Mean", "LCL", "UCL", "Special cause", "Variation"));
        assertThat(output.row("2015-04")).hasValue(List.of("2015-04", "10", "10", "2.46", "17.54", "", ""));
        assertThat(output.row("2015-07")).hasValue(List.of("2015-07", "13", "10", "2.46", "17.54", "", ""));
        assertThat(output.row("2015-10"))
                .hasValue(List.of("2015-10", "1", "10", "2.46", "17.54", "outside limits", "improvement (low)"));
        long dataRows = output.outLines().stream().filter(l -> l.startsWith("2015-")).count();
        assertThat(dataRows).isEqualTo(7);
    }

    @Test
    void saysWhenLimitsAreProvisionalAndGivesLatestVariationAndAssurance() throws Exception {
        ConsoleOutput output = show(progress());

        assertThat(output.outLines()).contains(
                "Phase 1 from 2015-04: 7 points, mean 10, limits 2.46 to 17.54 (limits provisional: fewer than 13 points)",
                "Latest variation: improvement (low)");
        assertThat(output.outLines()).anyMatch(l -> l.startsWith("Assurance: inconsistent") && l.endsWith("target of 5"));
        assertThat(output.outLines().get(0)).contains("RGT falls-per-1000", "lower is better", "target 5");
        assertThat(output.outLines()).contains("Rules: MDC 2023-11 (run 7, trend 7, firm limits from 13 points,"
                + " 2-of-3 counting points beyond the limits, improvement wins a conflict)");
        assertThat(output.outLines()).anyMatch(l -> l.startsWith("Chart: xmr. Process limits are the mean"));
    }

    @Test
    void showsATargetTrajectoryAndTheStepTheAssuranceWasJudgedAgainst() throws Exception {
        MeasureProgress p = progress();
        Measure trajectory = new Measure(FALLS.key(), FALLS.name(), FALLS.type(), FALLS.definition(), FALLS.unit(),
                FALLS.direction(), FALLS.baseline(), 9.0, "aim", List.of(), null, null,
                List.of(new TargetStep(7.0, LocalDate.of(2015, 7, 1)), new TargetStep(5.5, LocalDate.of(2016, 4, 1))));
        SpcResult spc = new SpcResult(p.spc().points(), p.spc().phases(), p.spc().variation(), p.spc().assurance(),
                true, ChartType.XMR, SpcRuleProfile.MDC, SpcResult.XMR_LIMITS_NOTE, 7.0);

        ConsoleOutput output = show(new MeasureProgress("RGT", trajectory, spc));

        assertThat(output.outLines()).contains("Target trajectory: 9, then 7 from 2015-07-01, 5.5 from 2016-04-01",
                "Assurance: inconsistent: will sometimes meet and sometimes miss the target of 7"
                        + " (the step in force at the latest point)");
    }

    @Test
    void leavesOutProvisionalNoteOnceAPhaseHasEnoughPoints() throws Exception {
        MeasureProgress p = progress();
        SpcPhase provisional = p.spc().phases().get(0);
        SpcPhase settled = new SpcPhase(provisional.from(), 13, provisional.mean(), provisional.meanMovingRange(),
                provisional.upperLimit(), provisional.lowerLimit(), false);
        SpcResult spc = new SpcResult(p.spc().points(), List.of(settled), p.spc().variation(), p.spc().assurance(), false);

        ConsoleOutput output = show(new MeasureProgress("RGT", FALLS, spc));

        assertThat(output.out()).doesNotContain("provisional");
    }

    @Test
    void saysSoWhenNothingIsRecordedYet() throws Exception {
        SpcResult empty = new SpcResult(List.of(), List.of(), Variation.COMMON_CAUSE, Assurance.NOT_APPLICABLE, true);

        ConsoleOutput output = show(new MeasureProgress("RGT", FALLS, empty));

        assertThat(output.outLines()).contains("No values recorded yet");
        assertThat(output.out()).doesNotContain("LCL");
    }
}
