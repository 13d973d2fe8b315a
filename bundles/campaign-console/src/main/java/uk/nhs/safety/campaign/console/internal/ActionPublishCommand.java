package uk.nhs.safety.campaign.console.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import uk.nhs.safety.campaign.api.NotFoundException;
import uk.nhs.safety.campaign.api.PledgeAction;
import uk.nhs.safety.campaign.api.PledgeService;

/** Publishes one of a member's draft actions. */
@Service
@Command(scope = "safety", name = "action-publish", description = "Publishes a pledge action for staff, patients and the public")
public class ActionPublishCommand extends SafetyCommand {

    @Reference
    PledgeService pledgeService;

    @Argument(index = 0, name = "ods", description = "The member's ODS code", required = true)
    @Completion(OdsCodeCompleter.class)
    String ods;

    @Argument(index = 1, name = "action-id", description = "The action's id (see safety:action-list)", required = true)
    String actionId;

    @Override
    protected void run() {
        String code = ConsoleSupport.ods(ods);
        long id = ConsoleSupport.parseId("action-id", actionId);
        // The version read here is what makes a concurrent edit by someone else fail instead of being published unseen.
        PledgeAction current = pledgeService.actions(code, false).stream()
                .filter(a -> a.id() == id)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("no action " + id + " for member '" + code + "'"));
        PledgeAction published = pledgeService.publishAction(actor(), code, id, current.version());
        System.out.println("Published action " + published.id() + " of " + published.odsCode() + " (pledge "
                + published.pledge().number() + " " + published.pledge().title() + ")");
    }
}
