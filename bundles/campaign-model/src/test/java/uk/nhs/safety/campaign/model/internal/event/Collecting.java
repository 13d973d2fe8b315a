package uk.nhs.safety.campaign.model.internal.event;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import uk.nhs.safety.campaign.api.event.CampaignEvent;
import uk.nhs.safety.campaign.api.event.CampaignEventSubscriber;

/**
 * A test subscriber recording what it handled. Several instances (one per "node") may share one {@link Shared} to
 * prove that deliveries never overlap and no event is handled twice.
 */
final class Collecting implements CampaignEventSubscriber {

    /** What every instance sharing it handled, in order, and whether two deliveries ever overlapped. */
    static final class Shared {
        private final List<CampaignEvent> handled = new ArrayList<>();
        private final AtomicInteger inFlight = new AtomicInteger();
        final AtomicBoolean overlapped = new AtomicBoolean();
        final AtomicInteger attempts = new AtomicInteger();

        synchronized List<CampaignEvent> handled() {
            return List.copyOf(handled);
        }

        synchronized List<Long> sequences() {
            return handled.stream().map(CampaignEvent::sequence).toList();
        }

        synchronized void add(CampaignEvent e) {
            handled.add(e);
        }
    }

    private final String id;
    private final Delivery delivery;
    private final Start start;
    private final Set<String> topics;
    final Shared shared;
    private volatile Predicate<CampaignEvent> failOn = e -> false;

    Collecting(String id, Delivery delivery, Start start, Set<String> topics, Shared shared) {
        this.id = id;
        this.delivery = delivery;
        this.start = start;
        this.topics = topics;
        this.shared = shared;
    }

    static Collecting oncePerCluster(String id, Shared shared) {
        return new Collecting(id, Delivery.ONCE_PER_CLUSTER, Start.BEGINNING, Set.of(), shared);
    }

    void failOn(Predicate<CampaignEvent> failOn) {
        this.failOn = failOn;
    }

    @Override
    public String subscriberId() {
        return id;
    }

    @Override
    public Set<String> topics() {
        return topics;
    }

    @Override
    public Delivery delivery() {
        return delivery;
    }

    @Override
    public Start start() {
        return start;
    }

    @Override
    public void onEvent(CampaignEvent event) throws Exception {
        if (shared.inFlight.incrementAndGet() > 1) {
            shared.overlapped.set(true);
        }
        try {
            shared.attempts.incrementAndGet();
            if (failOn.test(event)) {
                throw new IllegalStateException("partner system down (simulated) at event " + event.sequence());
            }
            shared.add(event);
        } finally {
            shared.inFlight.decrementAndGet();
        }
    }
}
