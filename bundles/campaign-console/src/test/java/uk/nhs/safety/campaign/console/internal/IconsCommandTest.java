package uk.nhs.safety.campaign.console.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import uk.nhs.safety.partner.testkit.ConsoleOutput;
import uk.nhs.safety.campaign.api.IconSummary;
import uk.nhs.safety.campaign.api.MeasureIcons;
import uk.nhs.safety.campaign.api.MeasureProgress;
import uk.nhs.safety.campaign.api.MeasureService;
import uk.nhs.safety.campaign.api.Measurement;
import uk.nhs.safety.campaign.api.MemberIcons;
import uk.nhs.safety.campaign.api.access.CallerAccess;
import uk.nhs.safety.campaign.api.spc.Assurance;
import uk.nhs.safety.campaign.api.spc.ChartType;
import uk.nhs.safety.campaign.api.spc.ImprovementDirection;
import uk.nhs.safety.campaign.api.spc.Variation;

class IconsCommandTest {

    private static MeasureIcons row(String key, Variation v, Assurance a, Double latest, int points) {
        return new MeasureIcons(key, "Measure " + key, "%", ImprovementDirection.DOWN, ChartType.XMR, "MDC", "2023-11",
                v, a, points < 13, points, latest, 0.4, latest == null ? null : LocalDate.of(2015, 5, 1));
    }

    private static final MemberIcons RGT = new MemberIcons("RGT", "Cambridge University Hospitals", "London", 2,
            List.of(row("falls", Variation.CONCERN_HIGH, Assurance.INCONSISTENT, 9.0, 14),
                    row("no-data", Variation.COMMON_CAUSE, Assurance.NOT_APPLICABLE, null, 0)));
    private static final MemberIcons RXX = new MemberIcons("RXX", "Trust B", null, 1,
            List.of(row("falls", Variation.IMPROVEMENT_LOW, Assurance.CONSISTENTLY_PASSES, 0.25, 20)));

    /** What the command asked for, and the answers. */
    private static final class Icons implements MeasureService {
        final List<String> asked = new ArrayList<>();

        @Override
        public Measurement record(String actor, String odsCode, String measureKey, LocalDate period, double value,
                                  String annotation) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Measurement> measurements(String odsCode, String measureKey) {
            throw new UnsupportedOperationException();
        }

        @Override
        public MeasureProgress progress(String odsCode, String measureKey) {
            throw new UnsupportedOperationException();
        }

        @Override
        public MeasureProgress progress(String odsCode, String measureKey, CallerAccess caller) {
            throw new UnsupportedOperationException();
        }

        @Override
        public MemberIcons icons(String odsCode, CallerAccess caller) {
            asked.add(odsCode + (caller.mayEdit(odsCode) ? " draft" : ""));
            return RGT;
        }

        @Override
        public IconSummary nationalIcons() {
            asked.add("national");
            return IconSummary.of(List.of(RGT, RXX));
        }
    }

    private final Icons measures = new Icons();

    private ConsoleOutput run(String ods, boolean draft) throws Exception {
        IconsCommand command = new IconsCommand();
        command.measureService = measures;
        command.in(FakeSession.of("alice"));
        command.ods = ods;
        command.draft = draft;
        return ConsoleOutput.run(command);
    }

    @Test
    void printsEachMeasureOfTheMembersPublishedPlanWithItsIconsInWords() throws Exception {
        ConsoleOutput output = run("rgt", false);

        assertThat(measures.asked).containsExactly("RGT");
        assertThat(output.err()).isEmpty();
        assertThat(output.outLines().get(0))
                .isEqualTo("RGT Cambridge University Hospitals (London): published plan version 2");
        assertThat(output.row("falls")).hasValue(List.of("falls", "concern (high)", "hit and miss", "9", "2015-05",
                "0.4", "14", "xmr", "MDC 2023-11"));
        assertThat(output.row("no-data")).hasValue(List.of("no-data", "common cause", "no assurance", "", "", "0.4",
                "0", "xmr", "MDC 2023-11"));
        assertThat(output.outLines()).contains("Each measure's chart: safety:measure-show RGT <measure>");
    }

    @Test
    void asksForTheWorkingCopyWithDraft() throws Exception {
        run("RGT", true);

        assertThat(measures.asked).containsExactly("RGT draft");
    }

    @Test
    void printsTheNationalSummaryByRegionWithCountsPerIcon() throws Exception {
        ConsoleOutput output = run(null, false);

        assertThat(output.err()).isEmpty();
        assertThat(output.row("London")).hasValue(List.of("London", "RGT", "Cambridge University Hospitals", "falls",
                "concern (high)", "hit and miss", "9", "2015-05", "0.4"));
        assertThat(output.row("Unknown region")).hasValue(List.of("Unknown region", "RXX", "Trust B", "falls",
                "improvement (low)", "passes", "0.25", "2015-05", "0.4"));
        assertThat(output.row("Region totals").orElseThrow()).contains("common cause", "concern (high)", "hit and miss");
        // Region, Measures, then the seven variation icons and the four assurance icons in their enums' order
        assertThat(output.row("All regions")).hasValue(List.of("All regions", "3", "1", "0", "1", "1", "0", "0", "0",
                "1", "0", "1", "1"));
    }

    @Test
    void refusesDraftWithoutAMember() throws Exception {
        ConsoleOutput output = run(null, true);

        assertThat(output.err()).contains("--draft");
        assertThat(measures.asked).isEmpty();
    }
}
