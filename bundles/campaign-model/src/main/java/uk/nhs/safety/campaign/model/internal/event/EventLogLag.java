package uk.nhs.safety.campaign.model.internal.event;

import java.util.LinkedHashMap;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import uk.nhs.safety.campaign.api.event.CampaignEventLog;
import uk.nhs.safety.campaign.api.event.SubscriberState;
import uk.nhs.safety.campaign.api.metrics.EventLag;

/** The event log's lag per subscriber, for the metrics ({@code safety_event_lag_events}): read on each scrape. */
@Component(service = EventLag.class)
public final class EventLogLag implements EventLag {

    private final CampaignEventLog log;

    @Activate
    public EventLogLag(@Reference CampaignEventLog log) {
        this.log = log;
    }

    @Override
    public Map<String, Long> eventsBehindBySubscriber() {
        Map<String, Long> behind = new LinkedHashMap<>();
        for (SubscriberState s : log.subscribers()) {
            behind.merge(s.subscriberId(), s.lag(), Math::max);
        }
        return behind;
    }
}
