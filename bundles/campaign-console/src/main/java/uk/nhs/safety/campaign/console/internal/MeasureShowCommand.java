package uk.nhs.safety.campaign.console.internal;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import uk.nhs.safety.campaign.api.Measure;
import uk.nhs.safety.campaign.api.MeasureProgress;
import uk.nhs.safety.campaign.api.MeasureService;
import uk.nhs.safety.campaign.api.spc.Assurance;
import uk.nhs.safety.campaign.api.spc.ConflictRule;
import uk.nhs.safety.campaign.api.spc.SpcPhase;
import uk.nhs.safety.campaign.api.spc.SpcPoint;
import uk.nhs.safety.campaign.api.spc.SpcResult;
import uk.nhs.safety.campaign.api.spc.SpcRuleProfile;
import uk.nhs.safety.campaign.api.spc.TargetStep;
import uk.nhs.safety.campaign.api.spc.SpecialCause;
import uk.nhs.safety.campaign.api.spc.TwoOfThreeRule;
import uk.nhs.safety.campaign.api.spc.Variation;

/** Shows a measure's values as a Making Data Count XmR chart in table form. */
@Service
@Command(scope = "safety", name = "measure-show", description = "Shows a measure's values with its chart's limits, special causes, variation, assurance and rule profile")
public class MeasureShowCommand extends SafetyCommand {

    @Reference
    MeasureService measureService;

    @Argument(index = 0, name = "ods", description = "The member's ODS code", required = true)
    @Completion(OdsCodeCompleter.class)
    String ods;

    @Argument(index = 1, name = "measure", description = "The measure's key", required = true)
    @Completion(MeasureKeyCompleter.class)
    String measure;

    @Override
    protected void run() {
        print(System.out, measureService.progress(ConsoleSupport.ods(ods), measure));
    }

    static void print(PrintStream out, MeasureProgress progress) {
        Measure m = progress.measure();
        SpcResult spc = progress.spc();
        out.println(progress.odsCode() + " " + m.key() + ": " + ConsoleSupport.text(m.name())
                + (m.unit() == null ? "" : " (" + m.unit() + ")") + ", " + direction(m)
                + (m.target() == null ? "" : ", target " + ConsoleSupport.value(m.target())));
        if (!m.targets().isEmpty()) {
            out.println("Target trajectory: " + trajectory(m));
        }
        if (spc.points().isEmpty()) {
            out.println("No values recorded yet");
            return;
        }
        ShellTable table = new ShellTable();
        table.column("Period");
        table.column("Value").alignRight();
        table.column("Mean").alignRight();
        table.column("LCL").alignRight();
        table.column("UCL").alignRight();
        table.column("Special cause");
        table.column("Variation");
        for (SpcPoint p : spc.points()) {
            table.addRow().addContent(ConsoleSupport.period(p.period()), ConsoleSupport.value(p.value()),
                    ConsoleSupport.statistic(p.mean()), ConsoleSupport.statistic(p.lowerLimit()),
                    ConsoleSupport.statistic(p.upperLimit()), specialCause(p.specialCause()),
                    p.variation() == null || !p.variation().special() ? "" : variation(p.variation()));
        }
        table.print(out);
        int n = 1;
        for (SpcPhase phase : spc.phases()) {
            out.println("Phase " + n++ + " from " + ConsoleSupport.period(phase.from()) + ": " + phase.points()
                    + " points, mean " + ConsoleSupport.statistic(phase.mean()) + ", limits "
                    + ConsoleSupport.statistic(phase.lowerLimit()) + " to " + ConsoleSupport.statistic(phase.upperLimit())
                    + (phase.provisional() ? " (limits provisional: fewer than "
                            + spc.profile().minimumPoints() + " points)" : ""));
        }
        out.println("Latest variation: " + variation(spc.variation()));
        out.println("Assurance: " + assurance(spc.assurance(), m.targets().isEmpty() ? m.target() : spc.target())
                + (m.targets().isEmpty() || spc.target() == null ? "" : " (the step in force at the latest point)"));
        out.println("Chart: " + spc.chartType().name().toLowerCase(java.util.Locale.ROOT) + ". "
                + spc.limitsNote());
        out.println("Rules: " + rules(spc.profile()));
    }

    /** The rule profile and its parameters, so that the icons can be traced to the rules that made them. */
    static String rules(SpcRuleProfile p) {
        return p.name() + " " + p.version() + " (run " + p.runLength() + ", trend " + p.trendLength()
                + ", firm limits from " + p.minimumPoints() + " points, 2-of-3 "
                + (p.twoOfThree() == TwoOfThreeRule.INCLUDING_BEYOND_LIMITS ? "counting" : "not counting")
                + " points beyond the limits"
                + (p.screenMovingRanges() ? ", large moving ranges screened" : "")
                + (p.conflict() == ConflictRule.IMPROVEMENT_WINS ? ", improvement wins a conflict"
                        : ", first rule wins a conflict") + ")";
    }

    /** The steps of a target trajectory, e.g. "8 from 2015-04-01, 6 from 2016-04-01". */
    static String trajectory(Measure m) {
        StringBuilder text = new StringBuilder(m.target() == null ? "" : ConsoleSupport.value(m.target()) + ", then ");
        for (int i = 0; i < m.targets().size(); i++) {
            TargetStep step = m.targets().get(i);
            text.append(i == 0 ? "" : ", ").append(ConsoleSupport.value(step.value())).append(" from ")
                    .append(step.from());
        }
        return text.toString();
    }

    private static String direction(Measure m) {
        if (m.direction() == null) {
            return "no direction";
        }
        return switch (m.direction()) {
            case UP -> "higher is better";
            case DOWN -> "lower is better";
            case NEUTRAL -> "neither direction is better";
        };
    }

    static String specialCause(SpecialCause cause) {
        if (cause == null) {
            return "";
        }
        return switch (cause) {
            case OUTSIDE_LIMITS -> "outside limits";
            case TREND -> "trend of 7";
            case TWO_OF_THREE_NEAR_LIMIT -> "2 of 3 near limit";
            case RUN -> "run of 7";
        };
    }

    static String variation(Variation variation) {
        if (variation == null) {
            return "";
        }
        return switch (variation) {
            case COMMON_CAUSE -> "common cause";
            case IMPROVEMENT_HIGH -> "improvement (high)";
            case IMPROVEMENT_LOW -> "improvement (low)";
            case CONCERN_HIGH -> "concern (high)";
            case CONCERN_LOW -> "concern (low)";
            case NEUTRAL_HIGH -> "special cause, neither better nor worse (high)";
            case NEUTRAL_LOW -> "special cause, neither better nor worse (low)";
        };
    }

    static String assurance(Assurance assurance, Double target) {
        String against = target == null ? "" : " the target of " + ConsoleSupport.value(target);
        if (assurance == null) {
            return "not applicable";
        }
        return switch (assurance) {
            case CONSISTENTLY_PASSES -> "consistently passes" + against;
            case CONSISTENTLY_FAILS -> "consistently fails" + against;
            case INCONSISTENT -> "inconsistent: will sometimes meet and sometimes miss" + against;
            case NOT_APPLICABLE -> target == null ? "not applicable (no target)" : "not applicable";
        };
    }
}
