package uk.nhs.safety.campaign.api.event;

import java.time.Instant;
import java.util.Objects;

/**
 * A subscriber's progress through the event log, as {@link CampaignEventLog#subscribers()} reports it.
 *
 * @param subscriberId  the subscriber's id
 * @param delivery      how events are delivered to it
 * @param cursor        the sequence number of the last event handled (0: none)
 * @param lag           how many events it is behind: the latest sequence number minus {@code cursor}
 * @param leaseOwner    the id of the node delivering to it now; {@code null} when none holds the lease (and for
 *                      {@code EVERY_NODE} subscribers: this node)
 * @param leaseExpires  when that node's lease runs out unless renewed; {@code null} when no lease is held
 * @param lastError     the error of the latest failed delivery, {@code null} once a delivery succeeds again
 * @param lastErrorAt   when that delivery failed; {@code null} with no error
 */
public record SubscriberState(String subscriberId, CampaignEventSubscriber.Delivery delivery, long cursor, long lag,
                              String leaseOwner, Instant leaseExpires, String lastError, Instant lastErrorAt) {

    /** Checks the required fields. */
    public SubscriberState {
        Objects.requireNonNull(subscriberId, "subscriberId");
        Objects.requireNonNull(delivery, "delivery");
    }
}
