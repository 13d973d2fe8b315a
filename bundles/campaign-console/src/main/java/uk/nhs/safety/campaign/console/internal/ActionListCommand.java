package uk.nhs.safety.campaign.console.internal;

import java.time.ZoneId;
import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import uk.nhs.safety.campaign.api.PledgeAction;
import uk.nhs.safety.campaign.api.PledgeService;

/** Lists a member's pledge actions. */
@Service
@Command(scope = "safety", name = "action-list", description = "Lists a member's pledge actions, by pledge")
public class ActionListCommand extends SafetyCommand {

    @Reference
    PledgeService pledgeService;

    @Argument(index = 0, name = "ods", description = "The member's ODS code", required = true)
    @Completion(OdsCodeCompleter.class)
    String ods;

    @Option(name = "--published", description = "Only published actions (what the public sees)")
    boolean publishedOnly;

    @Override
    protected void run() {
        List<PledgeAction> actions = pledgeService.actions(ConsoleSupport.ods(ods), publishedOnly);
        ShellTable table = new ShellTable().emptyTableText(publishedOnly ? "no published actions" : "no actions");
        table.column("Id").alignRight();
        table.column("Pledge");
        table.column(new WordWrapColumn("Action", 60));
        table.column("Owner");
        table.column("Due");
        table.column("Status");
        table.column("Published");
        for (PledgeAction a : actions) {
            table.addRow().addContent(a.id(), a.pledge().number() + " " + a.pledge().title(),
                    ConsoleSupport.text(a.text()),
                    ConsoleSupport.text(a.ownerRole()), ConsoleSupport.text(a.dueDate()),
                    ConsoleSupport.words(a.status()),
                    a.published() ? ConsoleSupport.timestamp(a.publishedAt(), ZoneId.systemDefault()) : "draft");
        }
        table.print(System.out);
    }
}
