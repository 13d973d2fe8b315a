package uk.nhs.safety.campaign.api.event;

import java.util.Set;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A subscriber to the durable campaign event log, registered as an OSGi service (whiteboard): core finds it and
 * delivers every event of its {@link #topics()} to {@link #onEvent(CampaignEvent)} at least once and in sequence
 * order. Unlike an EventAdmin handler, it hears of changes made on every node of the cluster and of changes made
 * while it was not running.
 *
 * <p>{@link Delivery#ONCE_PER_CLUSTER} subscribers (a partner's reaction to a change) keep their cursor in the
 * database under {@link #subscriberId()}; exactly one node delivers to them at a time, holding a lease in the database
 * that another node takes over within seconds when that node stops. {@link Delivery#EVERY_NODE} subscribers (e.g.
 * dropping an in-memory cache) get each event on every node where they are registered, starting with the events
 * committed after they were registered.
 *
 * <p>{@link #onEvent(CampaignEvent)} is called on a core thread, one event at a time per subscriber, never inside a
 * database transaction. The same event may come again (after a failure, a node's crash or a {@code rewind}), so
 * handling it must be idempotent. Keep each call well within the delivery lease (10 s by default, PID
 * {@code uk.nhs.safety.campaign.events}): the lease is renewed as each event is handled, and a node that has not renewed
 * it in time may see another node take the subscriber over.
 */
@ConsumerType
public interface CampaignEventSubscriber {

    /** How many nodes deliver an event to this subscriber. */
    enum Delivery {
        /** One node at a time, cursor in the database: each event handled once by the cluster (at least once). */
        ONCE_PER_CLUSTER,
        /** Every node delivers to its own registered instance; the cursor lives in memory. */
        EVERY_NODE
    }

    /** Where a subscriber that has no cursor yet starts ({@link Delivery#ONCE_PER_CLUSTER} only). */
    enum Start {
        /** From the first event in the log: a partner installed later replays everything. */
        BEGINNING,
        /** After the latest event committed when the subscriber is first seen. */
        LATEST
    }

    /**
     * The subscriber's stable id, its cursor's key in the database (for example the partner id); at most 100
     * characters. Two services with the same id share one cursor.
     */
    String subscriberId();

    /** The topics to deliver ({@link CampaignTopics}); empty (the default): every topic. */
    default Set<String> topics() {
        return Set.of();
    }

    /** How the events are delivered; default {@link Delivery#ONCE_PER_CLUSTER}. */
    default Delivery delivery() {
        return Delivery.ONCE_PER_CLUSTER;
    }

    /** Where a new {@link Delivery#ONCE_PER_CLUSTER} subscriber starts; default {@link Start#BEGINNING}. */
    default Start start() {
        return Start.BEGINNING;
    }

    /**
     * Handles one event. Returning means handled: the cursor moves past it. Throwing means not handled: the cursor
     * stays, the error is kept for the operator ({@link CampaignEventLog#subscribers()}) and the same event is
     * delivered again later, with a growing delay, before any later one.
     *
     * @param event the event
     * @throws Exception when the event could not be handled
     */
    void onEvent(CampaignEvent event) throws Exception;
}
