package uk.nhs.safety.campaign.console.internal;

import java.util.List;
import java.util.Set;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import uk.nhs.safety.campaign.api.access.CallerAccess;
import uk.nhs.safety.campaign.api.pdsa.PdsaCycle;
import uk.nhs.safety.campaign.api.pdsa.PdsaCycleInput;
import uk.nhs.safety.campaign.api.pdsa.PdsaService;

/** Lists a member's PDSA cycles with their four stages. */
@Service
@Command(scope = "safety", name = "pdsa-list", description = "Lists a member's PDSA cycles, by change idea and number")
public class PdsaListCommand extends SafetyCommand {

    @Reference
    PdsaService pdsaService;

    @Argument(index = 0, name = "ods", description = "The member's ODS code", required = true)
    @Completion(OdsCodeCompleter.class)
    String ods;

    @Option(name = "--idea", description = "Only this change idea's cycles, e.g. C1")
    String idea;

    @Option(name = "--public", description = "Only what the public sees (cycles of the published plan's change ideas)")
    boolean publicOnly;

    @Override
    protected void run() {
        // The console is an administrator's: it sees the working copy's change ideas unless asked for the public view.
        CallerAccess access = publicOnly ? CallerAccess.ANONYMOUS
                : new CallerAccess(actor(), Set.of(CallerAccess.ADMIN));
        List<PdsaCycle> cycles = pdsaService.cycles(ConsoleSupport.ods(ods), access).stream()
                .filter(c -> idea == null || c.changeIdea().equalsIgnoreCase(idea.trim())).toList();
        ShellTable table = new ShellTable().emptyTableText("no PDSA cycles");
        table.column("Cycle");
        table.column(new WordWrapColumn("Plan (who, when, prediction)", 44));
        table.column(new WordWrapColumn("Do", 30));
        table.column(new WordWrapColumn("Study", 30));
        table.column("Act");
        table.column("Measures");
        table.column("Version").alignRight();
        for (PdsaCycle c : cycles) {
            PdsaCycleInput in = c.content();
            String plan = in.plan() + " (" + in.owner() + ", from " + in.plannedStart()
                    + (in.plannedEnd() == null ? "" : " to " + in.plannedEnd()) + "). Predicts: " + in.prediction();
            String done = in.done() == null ? "-" : in.done() + " (" + in.doneFrom()
                    + (in.doneTo() == null ? "" : " to " + in.doneTo()) + ")";
            String act = in.decision() == null ? "-" : ConsoleSupport.words(in.decision())
                    + (c.next() == null ? "" : " → " + c.changeIdea() + "#" + c.next());
            table.addRow().addContent(c.changeIdea() + "#" + c.number()
                            + (in.follows() == null ? "" : " (after #" + in.follows() + ")"), plan, done,
                    in.study() == null ? "-" : in.study(), act,
                    in.measures().isEmpty() ? "-" : String.join(", ", in.measures()), c.version());
        }
        table.print(System.out);
    }
}
