package uk.nhs.safety.campaign.console.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import uk.nhs.safety.campaign.api.event.CampaignEventLog;
import uk.nhs.safety.campaign.api.event.SubscriberState;

/** Replays the event log to a subscriber: moves its cursor back so that it receives the events again. */
@Service
@Command(scope = "safety", name = "event-replay",
        description = "Delivers the campaign events again to a subscriber, from a sequence number (default: all)")
public class EventReplayCommand extends SafetyCommand {

    @Reference
    CampaignEventLog eventLog;

    @Option(name = "--from", description = "The first sequence number to deliver again (default 1: the whole log)")
    String from;

    @Argument(index = 0, name = "subscriber", description = "The subscriber's id (see safety:event-subscribers)",
            required = true)
    String subscriber;

    @Override
    protected void run() {
        long first = from == null ? 1 : ConsoleSupport.parseId("from", from);
        SubscriberState state;
        try {
            state = eventLog.rewind(subscriber, first - 1);
        } catch (IllegalArgumentException e) {
            // unknown subscriber, or a sequence number past the end of the log: nothing changed
            System.out.println("Error: " + e.getMessage() + "; nothing was changed");
            return;
        }
        System.out.println("Subscriber " + state.subscriberId() + " receives the events again from " + first + " ("
                + state.lag() + " to deliver).");
    }
}
