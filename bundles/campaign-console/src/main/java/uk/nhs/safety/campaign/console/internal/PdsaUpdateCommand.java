package uk.nhs.safety.campaign.console.internal;

import java.util.Set;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import uk.nhs.safety.campaign.api.NotFoundException;
import uk.nhs.safety.campaign.api.access.CallerAccess;
import uk.nhs.safety.campaign.api.pdsa.PdsaCycle;
import uk.nhs.safety.campaign.api.pdsa.PdsaCycleInput;
import uk.nhs.safety.campaign.api.pdsa.PdsaDecision;
import uk.nhs.safety.campaign.api.pdsa.PdsaService;

/**
 * Fills in (or corrects) stages of a PDSA cycle: the options given replace those fields, the others stay. Works on
 * the version just read, so a change made meanwhile elsewhere is refused rather than lost.
 */
@Service
@Command(scope = "safety", name = "pdsa-update", description = "Records the Do, Study or Act stage of a PDSA cycle (or corrects its Plan)")
public class PdsaUpdateCommand extends SafetyCommand {

    @Reference
    PdsaService pdsaService;

    @Argument(index = 0, name = "ods", description = "The member's ODS code", required = true)
    @Completion(OdsCodeCompleter.class)
    String ods;

    @Argument(index = 1, name = "idea", description = "The change idea's key, e.g. C1", required = true)
    String idea;

    @Argument(index = 2, name = "number", description = "The cycle's number", required = true)
    String number;

    @Option(name = "--plan", description = "Plan: what is tested")
    String plan;

    @Option(name = "--owner", description = "Plan: who runs the test")
    String owner;

    @Option(name = "--start", description = "Plan: when it starts, yyyy-mm-dd")
    String start;

    @Option(name = "--end", description = "Plan: when it is meant to end, yyyy-mm-dd")
    String end;

    @Option(name = "--prediction", description = "Plan: what the team predicts")
    String prediction;

    @Option(name = "--measures", description = "Keys of the measures it should move, comma-separated")
    String measures;

    @Option(name = "--done", description = "Do: what was actually done")
    String done;

    @Option(name = "--done-from", description = "Do: first day as run, yyyy-mm-dd")
    String doneFrom;

    @Option(name = "--done-to", description = "Do: last day, yyyy-mm-dd")
    String doneTo;

    @Option(name = "--study", description = "Study: what happened, compared with the prediction")
    String study;

    @Option(name = "--decision", description = "Act: adopt, adapt or abandon")
    @Completion(PdsaDecisionCompleter.class)
    String decision;

    @Override
    protected void run() {
        String code = ConsoleSupport.ods(ods);
        int n = ConsoleSupport.parseInt("number", number, 0, 1, Integer.MAX_VALUE);
        PdsaCycle current = pdsaService.cycles(code, new CallerAccess(actor(), Set.of(CallerAccess.ADMIN))).stream()
                .filter(c -> c.changeIdea().equals(idea.trim()) && c.number() == n).findFirst()
                .orElseThrow(() -> new NotFoundException("member " + code + " has no PDSA cycle " + n
                        + " of change idea '" + idea.trim() + "'"));
        PdsaCycleInput in = current.content();
        PdsaDecision act = decision == null ? in.decision()
                : ConsoleSupport.parseEnum("decision", decision, PdsaDecision.class);
        PdsaCycleInput changed = new PdsaCycleInput(in.changeIdea(),
                measures == null ? in.measures() : PdsaAddCommand.keys(measures), or(plan, in.plan()),
                or(owner, in.owner()), start == null ? in.plannedStart() : ConsoleSupport.parseDate("start", start),
                end == null ? in.plannedEnd() : ConsoleSupport.parseDate("end", end),
                or(prediction, in.prediction()), or(done, in.done()),
                doneFrom == null ? in.doneFrom() : ConsoleSupport.parseDate("done-from", doneFrom),
                doneTo == null ? in.doneTo() : ConsoleSupport.parseDate("done-to", doneTo), or(study, in.study()), act,
                in.follows());
        PdsaCycle updated = pdsaService.update(actor(), code, current.changeIdea(), n, changed, current.version());
        PdsaCycleInput u = updated.content();
        String stage = u.decision() != null ? "Act: " + ConsoleSupport.words(u.decision())
                : u.study() != null ? "Study" : u.done() != null ? "Do" : "Plan";
        System.out.println("Updated PDSA cycle " + updated.changeIdea() + "#" + updated.number() + " for " + code
                + ", now at " + stage + " (version " + updated.version() + ")");
    }

    private static String or(String given, String current) {
        return given == null ? current : given;
    }
}
