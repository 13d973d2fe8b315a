package uk.nhs.safety.campaign.model.internal.event;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.nhs.safety.campaign.api.CampaignException;
import uk.nhs.safety.campaign.api.StoreUnavailableException;
import uk.nhs.safety.campaign.api.cluster.LocalNode;
import uk.nhs.safety.campaign.api.event.CampaignEvent;
import uk.nhs.safety.campaign.api.event.CampaignEventLog;
import uk.nhs.safety.campaign.api.event.CampaignEventSubscriber;
import uk.nhs.safety.campaign.api.event.CampaignEventSubscriber.Delivery;
import uk.nhs.safety.campaign.api.event.CampaignEventSubscriber.Start;
import uk.nhs.safety.campaign.api.event.SubscriberState;
import uk.nhs.safety.campaign.model.internal.db.Database;

/**
 * Delivers the durable event log to the {@link CampaignEventSubscriber} services (whiteboard), and reads it for
 * operators ({@link CampaignEventLog}).
 *
 * <p>One thread polls the log every {@code pollIntervalMillis}, and at once when this node posts an event (it listens
 * to core's EventAdmin topics as a doorbell). For each subscriber it reads a batch after the subscriber's cursor and
 * calls the subscriber once per event, in order, outside any transaction; the cursor moves past an event only once the
 * subscriber has returned (at least once). A throwing subscriber keeps its cursor, its error is kept, and it is tried
 * again after a delay that doubles up to {@code retryMaxSeconds}.
 *
 * <p>{@code ONCE_PER_CLUSTER} subscribers keep their cursor in {@code event_subscriber}; a node delivers to one only
 * while it holds the row's lease (a conditional UPDATE naming this node, renewed every poll and on every event, lost
 * {@code leaseSeconds} after the node stops renewing it), and moves the cursor only if it is still where it read it
 * (so a takeover or a rewind is never overwritten). {@code EVERY_NODE} subscribers keep their cursor in memory,
 * starting after the latest event committed when they register (or when the store first answers).
 */
@Component(service = {CampaignEventLog.class, EventHandler.class}, configurationPid = EventDispatcher.PID,
        immediate = true, property = EventConstants.EVENT_TOPIC + "=uk/nhs/safety/campaign/*")
@Designate(ocd = EventDispatcher.Config.class)
public class EventDispatcher implements CampaignEventLog, EventHandler {

    /** The configuration PID. */
    public static final String PID = "uk.nhs.safety.campaign.events";

    private static final Logger LOG = LoggerFactory.getLogger(EventDispatcher.class);
    private static final int MAX_LIMIT = 1000;
    /** Batches per subscriber per poll, so that one subscriber far behind does not starve the others. */
    private static final int BATCHES_PER_POLL = 10;

    /** How the event log is delivered. */
    @ObjectClassDefinition(name = "Campaign events", description = "Delivery of the durable campaign event log to"
            + " CampaignEventSubscriber services")
    public @interface Config {

        @AttributeDefinition(name = "Poll interval (ms)", min = "10", description = "How often the log is read for"
                + " new events (this node's own changes are delivered at once)")
        int pollIntervalMillis() default 500;

        @AttributeDefinition(name = "Batch size", min = "1", max = "1000",
                description = "Events read from the log at a time")
        int batchSize() default 100;

        @AttributeDefinition(name = "Lease (seconds)", min = "1", description = "How long a node's claim to deliver"
                + " to a ONCE_PER_CLUSTER subscriber lasts unless renewed: after a node dies, another takes over"
                + " within this time. Node clocks must agree to well within it")
        int leaseSeconds() default 10;

        @AttributeDefinition(name = "Longest retry delay (seconds)", min = "1", description = "A subscriber that"
                + " fails is tried again after the poll interval, then twice as long each time, up to this")
        int retryMaxSeconds() default 60;
    }

    /** The settings in use. */
    public record Settings(Duration pollInterval, int batchSize, Duration lease, Duration retryMax) {

        public Settings {
            if (pollInterval.toMillis() < 10) {
                throw new IllegalArgumentException(PID + " pollIntervalMillis: must be 10 or more, was "
                        + pollInterval.toMillis());
            }
            if (batchSize < 1 || batchSize > MAX_LIMIT) {
                throw new IllegalArgumentException(PID + " batchSize: must be 1 to " + MAX_LIMIT + ", was "
                        + batchSize);
            }
            if (lease.toSeconds() < 1) {
                throw new IllegalArgumentException(PID + " leaseSeconds: must be 1 or more, was " + lease.toSeconds());
            }
            if (retryMax.toSeconds() < 1) {
                throw new IllegalArgumentException(PID + " retryMaxSeconds: must be 1 or more, was "
                        + retryMax.toSeconds());
            }
        }

        static Settings of(Config c) {
            return new Settings(Duration.ofMillis(c.pollIntervalMillis()), c.batchSize(),
                    Duration.ofSeconds(c.leaseSeconds()), Duration.ofSeconds(c.retryMaxSeconds()));
        }
    }

    /** A registered subscriber and this node's delivery state for it. Touched by the delivery thread only. */
    private static final class Local {
        final CampaignEventSubscriber subscriber;
        final String id;
        final Delivery delivery;
        final Start start;
        final Set<String> topics;
        /** EVERY_NODE: the last sequence handled here; -1 until first polled. Moved by CAS so a rewind wins. */
        final AtomicLong memoryCursor = new AtomicLong(-1);
        volatile boolean rowEnsured;
        volatile String lastError;
        volatile Instant lastErrorAt;
        Instant retryAt = Instant.MIN;
        Duration backoff;

        Local(CampaignEventSubscriber subscriber) {
            this.subscriber = subscriber;
            this.id = subscriber.subscriberId();
            this.delivery = subscriber.delivery();
            this.start = subscriber.start();
            this.topics = Set.copyOf(subscriber.topics());
        }

        boolean wants(CampaignEvent e) {
            return topics.isEmpty() || topics.contains(e.topic());
        }
    }

    private final Database db;
    private final String nodeId;
    private final Clock clock;
    private final ScheduledExecutorService executor;
    private final Map<String, Local> subscribers = new ConcurrentHashMap<>();
    private final AtomicBoolean nudged = new AtomicBoolean();
    private final AtomicBoolean storeDown = new AtomicBoolean();
    private volatile Settings settings;
    private volatile boolean closed;

    @Activate
    public EventDispatcher(@Reference Database db, @Reference LocalNode node, Config config) {
        this(db, node.id(), Clock.systemUTC(), Settings.of(config));
    }

    /** For tests and the DS constructor: starts polling at once. */
    public EventDispatcher(Database db, String nodeId, Clock clock, Settings settings) {
        this.db = db;
        this.nodeId = nodeId;
        this.clock = clock;
        this.settings = settings;
        ScheduledThreadPoolExecutor thread = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "safety-events-" + nodeId);
            t.setDaemon(true);
            return t;
        });
        // On stop: finish the round running, drop the next poll (no need to wait for it).
        thread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.executor = thread;
        executor.schedule(this::loop, 0, TimeUnit.MILLISECONDS);
    }

    @Modified
    void modified(Config config) {
        settings = Settings.of(config);
        LOG.info("Campaign event delivery settings changed: {}", settings);
    }

    /** Stops delivering and gives up this node's leases, so that another node takes over at once. */
    @Deactivate
    public void close() {
        halt();
        for (Local l : subscribers.values()) {
            release(l);
        }
    }

    /** Stops delivering, keeping the leases (as a node that dies would): for tests. */
    void halt() {
        closed = true;
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("Event delivery still running 10 s after stop was asked for; interrupting it");
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            executor.shutdownNow();
        }
    }

    /** A subscriber service appeared. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addSubscriber(CampaignEventSubscriber subscriber) {
        Local l = new Local(subscriber);
        if (l.id == null || l.id.isBlank() || l.id.length() > 100) {
            LOG.error("Event subscriber {} ignored: subscriberId must be 1 to 100 characters, was {}",
                    subscriber.getClass().getName(), l.id);
            return;
        }
        if (l.delivery == Delivery.EVERY_NODE) {
            // From the events committed after registration on: read the latest now, or at the first poll if the store
            // does not answer yet.
            try {
                l.memoryCursor.set(db.read(EventStore::latest));
            } catch (CampaignException e) {
                LOG.debug("Event subscriber {} starts at the first poll: {}", l.id, e.getMessage());
            }
        }
        Local before = subscribers.putIfAbsent(l.id, l);
        if (before != null) {
            LOG.error("Event subscriber {} ignored: another service ({}) is registered with id {}",
                    subscriber.getClass().getName(), before.subscriber.getClass().getName(), l.id);
            return;
        }
        LOG.info("Event subscriber {} registered ({}, topics {})", l.id, l.delivery,
                l.topics.isEmpty() ? "all" : l.topics);
        nudge();
    }

    /** A subscriber service went away: this node gives up its lease on it. */
    public void removeSubscriber(CampaignEventSubscriber subscriber) {
        String id = subscriber.subscriberId();
        Local l = subscribers.get(id);
        if (l != null && l.subscriber == subscriber && subscribers.remove(id, l)) {
            LOG.info("Event subscriber {} unregistered", id);
            try {
                executor.execute(() -> release(l));
            } catch (RejectedExecutionException e) {
                release(l);
            }
        }
    }

    /** This node posted a campaign event: deliver it now rather than at the next poll. */
    @Override
    public void handleEvent(Event event) {
        nudge();
    }

    /** Runs a delivery round as soon as the delivery thread is free. */
    public void nudge() {
        if (!closed && nudged.compareAndSet(false, true)) {
            try {
                executor.execute(() -> {
                    nudged.set(false);
                    deliverAll();
                });
            } catch (RejectedExecutionException e) {
                nudged.set(false);
            }
        }
    }

    @Override
    public List<CampaignEvent> after(long sequence, int limit) {
        if (sequence < 0) {
            throw new IllegalArgumentException("after: must be 0 or more, was " + sequence);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit: must be 1 to " + MAX_LIMIT + ", was " + limit);
        }
        return db.read(c -> EventStore.after(c, sequence, limit));
    }

    @Override
    public long latestSequence() {
        return db.read(EventStore::latest);
    }

    @Override
    public List<SubscriberState> subscribers() {
        List<SubscriberState> states = new ArrayList<>();
        long latest = db.read(c -> {
            for (EventStore.Row r : EventStore.subscribers(c)) {
                states.add(new SubscriberState(r.subscriberId(), Delivery.ONCE_PER_CLUSTER, r.cursor(), 0,
                        r.leaseOwner(), r.leaseExpires(), r.lastError(), r.lastErrorAt()));
            }
            return EventStore.latest(c);
        });
        List<SubscriberState> result = new ArrayList<>();
        for (SubscriberState s : states) {
            result.add(withLag(s, latest));
        }
        for (Local l : subscribers.values()) {
            if (l.delivery == Delivery.EVERY_NODE) {
                result.add(everyNodeState(l, latest));
            }
        }
        result.sort(Comparator.comparing(SubscriberState::subscriberId));
        return result;
    }

    @Override
    public SubscriberState rewind(String subscriberId, long sequence) {
        long latest = latestSequence();
        if (sequence < 0 || sequence > latest) {
            throw new IllegalArgumentException("sequence: must be 0 to the latest sequence number " + latest
                    + ", was " + sequence);
        }
        Local local = subscriberId == null ? null : subscribers.get(subscriberId);
        SubscriberState state;
        if (local != null && local.delivery == Delivery.EVERY_NODE) {
            local.memoryCursor.set(sequence);
            state = everyNodeState(local, latest);
        } else {
            Optional<EventStore.Row> row = db.read(c -> EventStore.rewind(c, subscriberId, sequence)
                    ? EventStore.subscriber(c, subscriberId) : Optional.<EventStore.Row>empty());
            EventStore.Row r = row.orElseThrow(() -> new IllegalArgumentException("subscriber: no subscriber "
                    + subscriberId + " is known"));
            state = new SubscriberState(r.subscriberId(), Delivery.ONCE_PER_CLUSTER, r.cursor(),
                    latest - r.cursor(), r.leaseOwner(), r.leaseExpires(), r.lastError(), r.lastErrorAt());
        }
        LOG.info("Event subscriber {} rewound: next event delivered is the first after {}", subscriberId, sequence);
        nudge();
        return state;
    }

    private void loop() {
        if (closed) {
            return;
        }
        deliverAll();
        if (!closed) {
            try {
                executor.schedule(this::loop, settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                // stopping
            }
        }
    }

    /** One delivery round over every subscriber. Runs on the delivery thread only. */
    private void deliverAll() {
        for (Local l : List.copyOf(subscribers.values())) {
            if (closed || Thread.currentThread().isInterrupted()) {
                return;
            }
            try {
                if (l.delivery == Delivery.EVERY_NODE) {
                    deliverEveryNode(l);
                } else {
                    deliverOncePerCluster(l);
                }
                if (storeDown.compareAndSet(true, false)) {
                    LOG.info("Campaign event delivery resumed: the store answers again");
                }
            } catch (StoreUnavailableException e) {
                if (storeDown.compareAndSet(false, true)) {
                    LOG.warn("Campaign event delivery paused: {}; retrying every poll", e.getMessage());
                }
                return;
            } catch (RuntimeException e) {
                LOG.error("Campaign event delivery to {} failed; retrying at the next poll", l.id, e);
            }
        }
    }

    private boolean registered(Local l) {
        return !closed && subscribers.get(l.id) == l;
    }

    private void deliverOncePerCluster(Local l) {
        Instant now = clock.instant();
        if (!l.rowEnsured) {
            db.read(c -> {
                EventStore.ensureSubscriber(c, l.id, l.start == Start.LATEST ? EventStore.latest(c) : 0, now);
                return null;
            });
            l.rowEnsured = true;
        }
        // Renewed every poll, also while the subscriber waits to be retried, so no other node takes it over then.
        boolean mine = db.read(c -> EventStore.claim(c, l.id, nodeId, now, now.plus(settings.lease())));
        if (!mine || now.isBefore(l.retryAt)) {
            return;
        }
        long cursor = db.read(c -> EventStore.subscriber(c, l.id)).map(EventStore.Row::cursor).orElse(-1L);
        if (cursor < 0) {
            l.rowEnsured = false;
            return;
        }
        long stored = cursor;
        for (int round = 0; round < BATCHES_PER_POLL; round++) {
            long from = stored;
            List<CampaignEvent> batch = db.read(c -> EventStore.after(c, from, settings.batchSize()));
            long reached = stored;
            for (CampaignEvent e : batch) {
                if (!registered(l)) {
                    break;
                }
                if (l.wants(e)) {
                    if (!handle(l, e)) {
                        break;
                    }
                    if (!moveCursor(l, stored, e.sequence())) {
                        return;
                    }
                    stored = e.sequence();
                }
                reached = e.sequence();
            }
            // Events of other topics: the cursor moves past them in one step.
            if (reached != stored) {
                if (!moveCursor(l, stored, reached)) {
                    return;
                }
                stored = reached;
            }
            if (batch.size() < settings.batchSize() || stored != batch.get(batch.size() - 1).sequence()) {
                return;
            }
        }
    }

    private boolean moveCursor(Local l, long from, long to) {
        boolean moved = db.read(c -> EventStore.advance(c, l.id, nodeId, from, to,
                clock.instant().plus(settings.lease())));
        if (!moved) {
            LOG.info("Event subscriber {}: the lease was taken over or the cursor moved (rewind); reading again",
                    l.id);
        }
        return moved;
    }

    private void deliverEveryNode(Local l) {
        if (l.memoryCursor.get() < 0) {
            long latest = db.read(EventStore::latest);
            l.memoryCursor.compareAndSet(-1, latest);
            return;
        }
        if (clock.instant().isBefore(l.retryAt)) {
            return;
        }
        for (int round = 0; round < BATCHES_PER_POLL; round++) {
            long from = l.memoryCursor.get();
            List<CampaignEvent> batch = db.read(c -> EventStore.after(c, from, settings.batchSize()));
            long expected = from;
            for (CampaignEvent e : batch) {
                if (!registered(l) || l.memoryCursor.get() != expected) {
                    return; // unregistered, or rewound meanwhile
                }
                if (l.wants(e) && !handle(l, e)) {
                    return;
                }
                if (!l.memoryCursor.compareAndSet(expected, e.sequence())) {
                    return; // rewound while the subscriber ran: the rewind wins
                }
                expected = e.sequence();
            }
            if (batch.size() < settings.batchSize()) {
                return;
            }
        }
    }

    /** Calls the subscriber; on failure keeps the error and schedules the retry. */
    private boolean handle(Local l, CampaignEvent e) {
        try {
            l.subscriber.onEvent(e);
        } catch (Exception | LinkageError failure) {
            Instant now = clock.instant();
            Duration poll = settings.pollInterval();
            l.backoff = l.backoff == null ? poll : min(l.backoff.multipliedBy(2), settings.retryMax());
            l.retryAt = now.plus(l.backoff);
            l.lastError = "event " + e.sequence() + " (" + e.topic() + "): " + failure;
            l.lastErrorAt = now;
            LOG.warn("Event subscriber {} failed on event {} ({}); trying again in {} ms", l.id, e.sequence(),
                    e.topic(), l.backoff.toMillis(), failure);
            if (l.delivery == Delivery.ONCE_PER_CLUSTER) {
                db.read(c -> {
                    EventStore.failed(c, l.id, l.lastError, now);
                    return null;
                });
            }
            return false;
        }
        if (l.backoff != null) {
            LOG.info("Event subscriber {} handled event {} after earlier failures", l.id, e.sequence());
        }
        l.backoff = null;
        l.retryAt = Instant.MIN;
        l.lastError = null;
        l.lastErrorAt = null;
        return true;
    }

    private void release(Local l) {
        if (l.delivery != Delivery.ONCE_PER_CLUSTER) {
            return;
        }
        try {
            db.read(c -> {
                EventStore.release(c, l.id, nodeId);
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warn("Could not give up the lease on event subscriber {} (another node takes over when it runs"
                    + " out): {}", l.id, e.getMessage());
        }
    }

    private SubscriberState everyNodeState(Local l, long latest) {
        long now = l.memoryCursor.get();
        long cursor = Math.max(now, 0);
        return new SubscriberState(l.id, Delivery.EVERY_NODE, cursor, now < 0 ? 0 : Math.max(0, latest - cursor),
                nodeId, null, l.lastError, l.lastErrorAt);
    }

    private static SubscriberState withLag(SubscriberState s, long latest) {
        return new SubscriberState(s.subscriberId(), s.delivery(), s.cursor(), Math.max(0, latest - s.cursor()),
                s.leaseOwner(), s.leaseExpires(), s.lastError(), s.lastErrorAt());
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
