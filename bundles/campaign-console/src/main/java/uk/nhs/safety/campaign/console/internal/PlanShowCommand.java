package uk.nhs.safety.campaign.console.internal;

import java.io.PrintStream;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import uk.nhs.safety.campaign.api.ChangeIdea;
import uk.nhs.safety.campaign.api.DriverDiagram;
import uk.nhs.safety.campaign.api.FocusArea;
import uk.nhs.safety.campaign.api.Measure;
import uk.nhs.safety.campaign.api.PlanContent;
import uk.nhs.safety.campaign.api.PlanService;
import uk.nhs.safety.campaign.api.PlanVersion;
import uk.nhs.safety.campaign.api.PrimaryDriver;
import uk.nhs.safety.campaign.api.SafetyPlan;
import uk.nhs.safety.campaign.api.SecondaryDriver;

/** Shows a member's plan: the working copy, or a published version. */
@Service
@Command(scope = "safety", name = "plan-show", description = "Shows a member's safety improvement plan, driver diagram and measures")
public class PlanShowCommand extends SafetyCommand {

    @Reference
    PlanService planService;

    @Argument(index = 0, name = "ods", description = "The member's ODS code", required = true)
    @Completion(OdsCodeCompleter.class)
    String ods;

    @Option(name = "--version", description = "A published version number (default: the working copy)")
    String version;

    @Override
    protected void run() {
        String code = ConsoleSupport.ods(ods);
        List<PlanVersion> versions = planService.versions(code);
        PlanContent content;
        if (version != null) {
            PlanVersion v = planService.version(code, ConsoleSupport.parseInt("version", version, 0, 1, Integer.MAX_VALUE));
            content = v.content();
            printHeader(System.out, content, focusLabels());
            System.out.println("Status:      published version " + v.number() + ", "
                    + ConsoleSupport.timestamp(v.publishedAt(), ZoneId.systemDefault()) + " by " + v.publishedBy());
        } else {
            Optional<SafetyPlan> plan = planService.plan(code);
            if (plan.isEmpty()) {
                System.out.println("No plan for " + code);
                return;
            }
            SafetyPlan p = plan.get();
            content = p.content();
            printHeader(System.out, content, focusLabels());
            System.out.println("Status:      " + p.status() + (p.publishedVersion() == 0 ? ", never published"
                    : ", latest published version " + p.publishedVersion()) + " (working copy version "
                    + p.version() + ", updated " + ConsoleSupport.timestamp(p.updatedAt(), ZoneId.systemDefault())
                    + " by " + ConsoleSupport.text(p.updatedBy()) + ")");
        }
        System.out.println("Versions:    " + (versions.isEmpty() ? "none published" : versions.stream()
                .map(v -> v.number() + " (" + ConsoleSupport.timestamp(v.publishedAt(), ZoneId.systemDefault())
                        + " by " + v.publishedBy() + ")")
                .collect(Collectors.joining(", "))));
        System.out.println();
        printDiagram(System.out, content.diagram());
        System.out.println();
        printMeasures(System.out, content.measures());
    }

    private Map<String, String> focusLabels() {
        return planService.focusAreas().stream()
                .collect(Collectors.toMap(FocusArea::code, FocusArea::label, (a, b) -> a));
    }

    static void printHeader(PrintStream out, PlanContent content, Map<String, String> focusLabels) {
        out.println("Title:       " + ConsoleSupport.text(content.title()));
        out.println("Period:      " + ConsoleSupport.text(content.periodStart()) + " to "
                + ConsoleSupport.text(content.periodEnd()));
        out.println("Focus areas: " + content.focusAreas().stream()
                .map(c -> focusLabels.containsKey(c) ? focusLabels.get(c) + " [" + c + "]" : c)
                .collect(Collectors.joining(", ")));
    }

    static void printDiagram(PrintStream out, DriverDiagram diagram) {
        if (diagram == null) {
            out.println("No driver diagram");
            return;
        }
        ShellTable table = new ShellTable();
        table.column("Level");
        table.column("Key");
        table.column(new WordWrapColumn("Text", 70));
        table.column("Links");
        table.addRow().addContent("Aim", DriverDiagram.AIM, ConsoleSupport.text(diagram.aim()), "");
        for (PrimaryDriver p : diagram.primaryDrivers()) {
            table.addRow().addContent("Primary", p.key(), ConsoleSupport.text(p.text()), "");
        }
        for (SecondaryDriver s : diagram.secondaryDrivers()) {
            table.addRow().addContent("Secondary", s.key(), ConsoleSupport.text(s.text()), String.join(", ", s.primaryKeys()));
        }
        for (ChangeIdea c : diagram.changeIdeas()) {
            table.addRow().addContent("Change idea", c.key(), ConsoleSupport.text(c.text()),
                    String.join(", ", c.secondaryKeys()));
        }
        table.print(out);
    }

    static void printMeasures(PrintStream out, List<Measure> measures) {
        ShellTable table = new ShellTable().emptyTableText("no measures");
        table.column("Key");
        table.column(new WordWrapColumn("Name", 40));
        table.column("Type");
        table.column("Unit");
        table.column("Direction");
        table.column("Baseline").alignRight();
        table.column("Target").alignRight();
        table.column("Linked to");
        for (Measure m : measures) {
            table.addRow().addContent(m.key(), ConsoleSupport.text(m.name()), ConsoleSupport.words(m.type()),
                    ConsoleSupport.text(m.unit()), ConsoleSupport.words(m.direction()), ConsoleSupport.value(m.baseline()),
                    m.targets().isEmpty() ? ConsoleSupport.value(m.target()) : MeasureShowCommand.trajectory(m),
                    ConsoleSupport.text(m.linkedTo()));
        }
        table.print(out);
    }
}
