package uk.nhs.safety.campaign.console.internal;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import uk.nhs.safety.campaign.api.IconSummary;
import uk.nhs.safety.campaign.api.MeasureIcons;
import uk.nhs.safety.campaign.api.MeasureService;
import uk.nhs.safety.campaign.api.MemberIcons;
import uk.nhs.safety.campaign.api.ValidationException;
import uk.nhs.safety.campaign.api.Violation;
import uk.nhs.safety.campaign.api.access.CallerAccess;
import uk.nhs.safety.campaign.api.spc.Assurance;
import uk.nhs.safety.campaign.api.spc.Variation;

/**
 * The icon summary: a member's measures with their latest variation and assurance icons in words, or, without an ODS
 * code, every member's published measures by region with how many show each icon. Core computes it.
 */
@Service
@Command(scope = "safety", name = "icons", description = "Shows the latest variation and assurance icons of a member's measures, or of every member's by region")
public class IconsCommand extends SafetyCommand {

    @Reference
    MeasureService measureService;

    @Option(name = "--draft", description = "The member's working copy instead of its latest published plan")
    boolean draft;

    @Argument(index = 0, name = "ods", description = "The member's ODS code (none: the national summary)")
    @Completion(OdsCodeCompleter.class)
    String ods;

    @Override
    protected void run() {
        if (ods == null || ods.isBlank()) {
            if (draft) {
                throw new ValidationException(Violation.of("--draft", "true", "needs a member's ODS code: the"
                        + " national summary shows published plans only"));
            }
            printNational(System.out, measureService.nationalIcons());
            return;
        }
        CallerAccess as = draft ? new CallerAccess(actor(), Set.of(CallerAccess.ADMIN)) : CallerAccess.ANONYMOUS;
        printMember(System.out, measureService.icons(ConsoleSupport.ods(ods), as));
    }

    static void printMember(PrintStream out, MemberIcons m) {
        out.println(m.odsCode() + " " + ConsoleSupport.text(m.name()) + " (" + region(m.region()) + "): "
                + (m.draft() ? "working copy" : "published plan version " + m.planVersion()));
        if (m.measures().isEmpty()) {
            out.println(m.draft() ? "No working plan, so no measures" : "No published plan, so no measures");
            return;
        }
        ShellTable table = new ShellTable();
        table.column("Measure");
        table.column("Variation");
        table.column("Assurance");
        table.column("Latest").alignRight();
        table.column("Period");
        table.column("Target").alignRight();
        table.column("Points").alignRight();
        table.column("Chart");
        table.column("Rules");
        for (MeasureIcons i : m.measures()) {
            table.addRow().addContent(ConsoleSupport.text(i.key()), variation(i.variation()),
                    assurance(i.assurance()), ConsoleSupport.value(i.latestValue()),
                    ConsoleSupport.period(i.latestPeriod()), ConsoleSupport.value(i.target()),
                    i.points() + (i.provisional() && i.points() > 0 ? " (provisional)" : ""),
                    ConsoleSupport.words(i.chartType()), i.ruleProfile() + " " + i.ruleProfileVersion());
        }
        table.print(out);
        out.println("Each measure's chart: safety:measure-show " + m.odsCode() + " <measure>");
    }

    static void printNational(PrintStream out, IconSummary summary) {
        if (summary.regions().isEmpty()) {
            out.println("No member has published a plan yet");
            return;
        }
        ShellTable rows = new ShellTable();
        rows.column("Region");
        rows.column("ODS");
        rows.column("Member");
        rows.column("Measure");
        rows.column("Variation");
        rows.column("Assurance");
        rows.column("Latest").alignRight();
        rows.column("Period");
        rows.column("Target").alignRight();
        for (IconSummary.Region r : summary.regions()) {
            for (MemberIcons m : r.members()) {
                for (MeasureIcons i : m.measures()) {
                    rows.addRow().addContent(ConsoleSupport.text(r.name()), m.odsCode(), ConsoleSupport.text(m.name()),
                            ConsoleSupport.text(i.key()), variation(i.variation()), assurance(i.assurance()),
                            ConsoleSupport.value(i.latestValue()), ConsoleSupport.period(i.latestPeriod()),
                            ConsoleSupport.value(i.target()));
                }
            }
        }
        rows.print(out);
        out.println();
        ShellTable counts = new ShellTable();
        counts.column("Region totals");
        counts.column("Measures").alignRight();
        for (Variation v : Variation.values()) {
            counts.column(switch (v) {
                case NEUTRAL_HIGH -> "neutral (high)";
                case NEUTRAL_LOW -> "neutral (low)";
                default -> variation(v);
            }).alignRight();
        }
        for (Assurance a : Assurance.values()) {
            counts.column(assurance(a)).alignRight();
        }
        for (IconSummary.Region r : summary.regions()) {
            countRow(counts, ConsoleSupport.text(r.name()), r.counts());
        }
        countRow(counts, "All regions", summary.total());
        counts.print(out);
    }

    private static void countRow(ShellTable table, String name, IconSummary.Counts c) {
        List<Object> cells = new java.util.ArrayList<>();
        cells.add(name);
        cells.add(c.measures());
        for (Variation v : Variation.values()) {
            cells.add(c.variation().get(v));
        }
        for (Assurance a : Assurance.values()) {
            cells.add(c.assurance().get(a));
        }
        table.addRow().addContent(cells);
    }

    private static String region(String region) {
        return region == null || region.isBlank() ? IconSummary.UNKNOWN_REGION : ConsoleSupport.text(region);
    }

    /** The variation icon in a few words (the words of {@code safety:measure-show}). */
    static String variation(Variation v) {
        return MeasureShowCommand.variation(v);
    }

    /** The assurance icon in a few words. */
    static String assurance(Assurance a) {
        return switch (a) {
            case CONSISTENTLY_PASSES -> "passes";
            case CONSISTENTLY_FAILS -> "fails";
            case INCONSISTENT -> "hit and miss";
            case NOT_APPLICABLE -> "no assurance";
        };
    }
}
