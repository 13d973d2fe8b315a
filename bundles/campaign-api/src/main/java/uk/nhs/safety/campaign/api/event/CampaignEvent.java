package uk.nhs.safety.campaign.api.event;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One campaign event from the durable event log: written in the same transaction as the change it announces, so an
 * event exists exactly when its change committed.
 *
 * <p>Property values are delivered with the same Java types as on EventAdmin (see {@link CampaignTopics} for each
 * topic's properties): text as {@link String}, whole numbers as {@link Long}, decimal numbers as {@link Double},
 * dates as ISO-8601 text ({@code 2015-04-01}).
 *
 * @param sequence   the event's position in the log: 1, 2, 3… with no gaps, in commit order
 * @param topic      the topic, one of {@link CampaignTopics}
 * @param occurredAt when the change was made (the writing node's clock)
 * @param nodeId     the id of the node that made the change ({@code LocalNode.id()})
 * @param properties the event's properties, unmodifiable
 */
public record CampaignEvent(long sequence, String topic, Instant occurredAt, String nodeId,
                            Map<String, Object> properties) {

    /** Checks the fields and copies the properties. */
    public CampaignEvent {
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence must be 1 or more, was " + sequence);
        }
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(nodeId, "nodeId");
        properties = Map.copyOf(properties);
    }
}
