package uk.nhs.safety.campaign.console.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import uk.nhs.safety.campaign.api.NotFoundException;
import uk.nhs.safety.campaign.api.PlanService;
import uk.nhs.safety.campaign.api.PlanVersion;
import uk.nhs.safety.campaign.api.SafetyPlan;

/** Publishes a member's working plan as a new version. */
@Service
@Command(scope = "safety", name = "plan-publish", description = "Publishes a member's working plan as a new immutable version")
public class PlanPublishCommand extends SafetyCommand {

    @Reference
    PlanService planService;

    @Argument(index = 0, name = "ods", description = "The member's ODS code", required = true)
    @Completion(OdsCodeCompleter.class)
    String ods;

    @Override
    protected void run() {
        String code = ConsoleSupport.ods(ods);
        SafetyPlan plan = planService.plan(code)
                .orElseThrow(() -> new NotFoundException("no plan for member '" + code + "'"));
        PlanVersion published = planService.publish(actor(), code, plan.version());
        System.out.println("Published " + code + " plan version " + published.number());
    }
}
