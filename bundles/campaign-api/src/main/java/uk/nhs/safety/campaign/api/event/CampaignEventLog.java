package uk.nhs.safety.campaign.api.event;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The durable campaign event log, provided by core: read events, watch the subscribers' progress, replay.
 * Methods throw {@code StoreUnavailableException} while the store cannot be reached.
 */
@ProviderType
public interface CampaignEventLog {

    /**
     * Events with a sequence number greater than {@code sequence}, in order.
     *
     * @param sequence the sequence number to read after; 0 for the start of the log
     * @param limit    how many events at most, 1 to 1000
     * @return the events, in sequence order; empty when there are none after {@code sequence}
     * @throws IllegalArgumentException when {@code sequence} is negative or {@code limit} is out of range
     */
    List<CampaignEvent> after(long sequence, int limit);

    /** The sequence number of the latest committed event; 0 when the log is empty. */
    long latestSequence();

    /**
     * The subscribers known: every {@link CampaignEventSubscriber.Delivery#ONCE_PER_CLUSTER} subscriber that has a
     * cursor in the database (registered on any node, or none), and the {@link CampaignEventSubscriber.Delivery#EVERY_NODE}
     * subscribers registered on this node; ordered by id.
     */
    List<SubscriberState> subscribers();

    /**
     * Moves a subscriber's cursor back (or forward) so that the next event delivered to it is the first one after
     * {@code sequence}: 0 replays the whole log. For an {@code EVERY_NODE} subscriber it acts on this node only.
     *
     * @param subscriberId the subscriber's id
     * @param sequence     the last sequence number to count as handled, 0 to the latest sequence number
     * @return the subscriber's state after the change
     * @throws IllegalArgumentException when no such subscriber is known or {@code sequence} is out of range
     */
    SubscriberState rewind(String subscriberId, long sequence);
}
