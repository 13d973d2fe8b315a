package uk.nhs.safety.campaign.console.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import uk.nhs.safety.campaign.api.ActionStatus;
import uk.nhs.safety.campaign.api.NewAction;
import uk.nhs.safety.campaign.api.Pledge;
import uk.nhs.safety.campaign.api.PledgeAction;
import uk.nhs.safety.campaign.api.PledgeService;

/** Adds a draft action to a member's pledge. */
@Service
@Command(scope = "safety", name = "action-add", description = "Adds a draft action for one of a member's five pledges")
public class ActionAddCommand extends SafetyCommand {

    @Reference
    PledgeService pledgeService;

    @Argument(index = 0, name = "ods", description = "The member's ODS code", required = true)
    @Completion(OdsCodeCompleter.class)
    String ods;

    @Argument(index = 1, name = "pledge", description = "The pledge: 1 to 5, or its title (e.g. \"Be honest\")", required = true)
    String pledge;

    @Argument(index = 2, name = "text", description = "What will be done (quote it)", required = true)
    String text;

    @Option(name = "--owner", description = "The accountable role, e.g. \"Medical Director\"")
    String owner;

    @Option(name = "--due", description = "Due date, yyyy-mm-dd")
    String due;

    @Option(name = "--status", description = "planned (default), in_progress or done")
    @Completion(ActionStatusCompleter.class)
    String status;

    @Override
    protected void run() {
        Pledge p = Pledge.parse(pledge);
        ActionStatus s = ConsoleSupport.parseEnum("status", status, ActionStatus.class);
        NewAction action = new NewAction(p, text, owner, ConsoleSupport.parseDate("due", due),
                s == null ? ActionStatus.PLANNED : s);
        PledgeAction added = pledgeService.addAction(actor(), ConsoleSupport.ods(ods), action);
        System.out.println("Added action " + added.id() + " (draft) for " + added.odsCode() + ", pledge "
                + p.number() + " " + p.title());
    }
}
