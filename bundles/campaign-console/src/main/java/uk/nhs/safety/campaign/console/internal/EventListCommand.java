package uk.nhs.safety.campaign.console.internal;

import java.time.ZoneId;
import java.util.Map;
import java.util.TreeMap;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import uk.nhs.safety.campaign.api.event.CampaignEvent;
import uk.nhs.safety.campaign.api.event.CampaignEventLog;
import uk.nhs.safety.campaign.api.event.CampaignTopics;

/** Lists events from the durable campaign event log: the latest ones, or those after a sequence number. */
@Service
@Command(scope = "safety", name = "event-list", description = "Lists campaign events from the durable event log")
public class EventListCommand extends SafetyCommand {

    @Reference
    CampaignEventLog eventLog;

    @Option(name = "--after", description = "Show the events after this sequence number (default: the latest ones)")
    String after;

    @Option(name = "--limit", description = "How many events at most, 1 to 1000 (default 50)")
    String limit;

    @Override
    protected void run() {
        int max = ConsoleSupport.parseInt("limit", limit, 50, 1, 1000);
        long from = after == null ? -1 : ConsoleSupport.parseInt("after", after, 0, 0, Integer.MAX_VALUE);
        if (from < 0) {
            from = Math.max(0, eventLog.latestSequence() - max);
        }
        ZoneId zone = ZoneId.systemDefault();
        ShellTable table = new ShellTable().emptyTableText("no events after " + from);
        table.column("Seq").alignRight();
        table.column("Occurred");
        table.column("Node");
        table.column("Topic");
        table.column(new WordWrapColumn("Properties", 60));
        for (CampaignEvent e : eventLog.after(from, max)) {
            String topic = e.topic().startsWith(CampaignTopics.PREFIX)
                    ? e.topic().substring(CampaignTopics.PREFIX.length()) : e.topic();
            table.addRow().addContent(e.sequence(), ConsoleSupport.timestamp(e.occurredAt(), zone),
                    ConsoleSupport.text(e.nodeId()), topic, ConsoleSupport.text(properties(e.properties())));
        }
        table.print(System.out);
    }

    private static String properties(Map<String, Object> properties) {
        StringBuilder b = new StringBuilder();
        new TreeMap<>(properties).forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k).append('=')
                .append(v));
        return b.toString();
    }
}
