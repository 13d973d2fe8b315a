package uk.nhs.safety.campaign.console.internal;

import java.time.ZoneId;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import uk.nhs.safety.campaign.api.event.CampaignEventLog;
import uk.nhs.safety.campaign.api.event.SubscriberState;

/** Shows each event subscriber's progress: cursor, lag, the node delivering to it, its latest error. */
@Service
@Command(scope = "safety", name = "event-subscribers",
        description = "Lists the campaign event subscribers: cursor, lag, delivering node, last error")
public class EventSubscribersCommand extends SafetyCommand {

    @Reference
    CampaignEventLog eventLog;

    @Override
    protected void run() {
        ZoneId zone = ZoneId.systemDefault();
        ShellTable table = new ShellTable().emptyTableText("no event subscribers");
        table.column("Subscriber");
        table.column("Delivery");
        table.column("Cursor").alignRight();
        table.column("Lag").alignRight();
        table.column("Owner");
        table.column("Lease until");
        table.column(new WordWrapColumn("Last error", 50));
        table.column("Failed at");
        for (SubscriberState s : eventLog.subscribers()) {
            table.addRow().addContent(s.subscriberId(), ConsoleSupport.words(s.delivery()), s.cursor(), s.lag(),
                    ConsoleSupport.text(s.leaseOwner()), ConsoleSupport.timestamp(s.leaseExpires(), zone),
                    ConsoleSupport.text(s.lastError()), ConsoleSupport.timestamp(s.lastErrorAt(), zone));
        }
        table.print(System.out);
    }
}
