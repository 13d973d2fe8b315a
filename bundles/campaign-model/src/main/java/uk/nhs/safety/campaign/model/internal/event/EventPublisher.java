package uk.nhs.safety.campaign.model.internal.event;

import java.util.Map;

/**
 * Posts campaign events. The services call it only after their transaction has committed, so a subscriber that
 * reads the store on an event always sees the change (and a failed write never announces anything).
 */
@FunctionalInterface
public interface EventPublisher {

    /** Posts an event asynchronously; topics and property names from {@code CampaignTopics}. */
    void post(String topic, Map<String, Object> properties);
}
