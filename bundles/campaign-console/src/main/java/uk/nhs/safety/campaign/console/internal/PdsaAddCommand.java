package uk.nhs.safety.campaign.console.internal;

import java.util.Arrays;
import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import uk.nhs.safety.campaign.api.pdsa.PdsaCycle;
import uk.nhs.safety.campaign.api.pdsa.PdsaCycleInput;
import uk.nhs.safety.campaign.api.pdsa.PdsaService;

/** Records the Plan stage of a new PDSA cycle of a change idea. */
@Service
@Command(scope = "safety", name = "pdsa-add", description = "Records a new PDSA cycle of a change idea (its Plan stage)")
public class PdsaAddCommand extends SafetyCommand {

    @Reference
    PdsaService pdsaService;

    @Argument(index = 0, name = "ods", description = "The member's ODS code", required = true)
    @Completion(OdsCodeCompleter.class)
    String ods;

    @Argument(index = 1, name = "idea", description = "The change idea's key, e.g. C1", required = true)
    String idea;

    @Argument(index = 2, name = "plan", description = "What is tested (quote it)", required = true)
    String plan;

    @Option(name = "--owner", description = "Who runs the test (required)")
    String owner;

    @Option(name = "--start", description = "When it starts, yyyy-mm-dd (required)")
    String start;

    @Option(name = "--end", description = "When it is meant to end, yyyy-mm-dd")
    String end;

    @Option(name = "--prediction", description = "What the team predicts will happen (required)")
    String prediction;

    @Option(name = "--measures", description = "Keys of the measures it should move, comma-separated")
    String measures;

    @Option(name = "--follows", description = "The number of the earlier cycle (decided: adapt) this one continues")
    String follows;

    @Override
    protected void run() {
        PdsaCycleInput input = new PdsaCycleInput(idea, keys(measures), plan, owner,
                ConsoleSupport.parseDate("start", start), ConsoleSupport.parseDate("end", end), prediction, null, null,
                null, null, null, follows == null ? null
                        : ConsoleSupport.parseInt("follows", follows, 0, 1, Integer.MAX_VALUE));
        PdsaCycle added = pdsaService.add(actor(), ConsoleSupport.ods(ods), input);
        System.out.println("Recorded PDSA cycle " + added.changeIdea() + "#" + added.number() + " for "
                + added.odsCode() + " (version " + added.version() + ")");
    }

    static List<String> keys(String list) {
        return list == null || list.isBlank() ? List.of()
                : Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
