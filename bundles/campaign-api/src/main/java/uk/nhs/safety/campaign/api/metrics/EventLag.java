package uk.nhs.safety.campaign.api.metrics;

import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A source of event-log lag, registered as an OSGi service by whatever delivers the durable event log; the metrics
 * read it on each scrape (gauge {@code safety_event_lag_events}). Called on a scrape thread: answer quickly.
 */
@ConsumerType
public interface EventLag {

    /** How many events each subscriber (by its name) has yet to receive, read now. */
    Map<String, Long> eventsBehindBySubscriber();
}
