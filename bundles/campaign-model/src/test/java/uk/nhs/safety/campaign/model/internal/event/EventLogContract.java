package uk.nhs.safety.campaign.model.internal.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import uk.nhs.safety.campaign.api.NewMember;
import uk.nhs.safety.campaign.api.OrganisationType;
import uk.nhs.safety.campaign.api.event.CampaignEvent;
import uk.nhs.safety.campaign.api.event.CampaignEventSubscriber.Delivery;
import uk.nhs.safety.campaign.api.event.CampaignEventSubscriber.Start;
import uk.nhs.safety.campaign.api.event.CampaignTopics;
import uk.nhs.safety.campaign.api.event.SubscriberState;
import uk.nhs.safety.campaign.model.internal.db.Database;
import uk.nhs.safety.campaign.model.internal.db.Migrations;
import uk.nhs.safety.campaign.model.internal.member.MemberServiceImpl;
import uk.nhs.safety.campaign.model.internal.testing.FailingCommits;
import uk.nhs.safety.campaign.model.internal.testing.RecordingEvents;
import uk.nhs.safety.campaign.model.internal.testing.TestDatabase;

/** The durable event log and its delivery, run on H2 and on PostgreSQL by the subclasses. */
abstract class EventLogContract {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final EventDispatcher.Settings FAST = new EventDispatcher.Settings(Duration.ofMillis(20), 50,
            Duration.ofSeconds(10), Duration.ofSeconds(1));

    private final Outage outage;
    private final FailingCommits failing;
    private final Database db;
    private final RecordingEvents posted = new RecordingEvents();
    private final MemberServiceImpl members;
    private final List<EventDispatcher> dispatchers = new ArrayList<>();

    EventLogContract(DataSource dataSource) {
        outage = new Outage(dataSource);
        failing = new FailingCommits(outage.dataSource);
        db = new Database(failing.dataSource, Migrations.bundled(TestDatabase.CLOCK));
        members = new MemberServiceImpl(db, posted, TestDatabase.CLOCK);
    }

    @AfterEach
    void stopDispatchers() {
        dispatchers.forEach(EventDispatcher::close);
    }

    private EventDispatcher node(String id, EventDispatcher.Settings settings) {
        EventDispatcher d = new EventDispatcher(db, id, Clock.systemUTC(), settings);
        dispatchers.add(d);
        return d;
    }

    private void join(String code) {
        members.join("alice", new NewMember(code, "Practice " + code, OrganisationType.GP_PRACTICE, null, null, null));
    }

    /** GP practice codes: a letter and 5 digits. */
    private static String code(int writer, int n) {
        return String.format("%c%05d", (char) ('A' + writer), n);
    }

    @Test
    void aChangeAndItsEventCommitTogetherAndARolledBackChangeWritesNoEvent() {
        join("A00001");
        failing.failFromNowOn();

        assertThatThrownBy(() -> join("A00002"));

        EventDispatcher log = node("n1", FAST);
        assertThat(log.latestSequence()).isEqualTo(1);
        List<CampaignEvent> events = log.after(0, 10);
        assertThat(events).hasSize(1);
        assertThat(events.get(0).topic()).isEqualTo(CampaignTopics.MEMBER_JOINED);
        assertThat(events.get(0).properties()).isEqualTo(Map.of("odsCode", "A00001", "actor", "alice"));
        assertThat(events.get(0).nodeId()).isEqualTo(RecordingEvents.NODE);
        assertThat(events.get(0).occurredAt()).isEqualTo(TestDatabase.CLOCK.instant());
        assertThat(posted.posted()).hasSize(1);
    }

    @Test
    void propertiesComeBackWithTheTypesEventAdminCarries() {
        db.inTransaction(c -> {
            EventStore.append(c, "n1", Instant.parse("2015-04-01T09:00:00Z"), List.of(new NewEvent(
                    CampaignTopics.PLAN_PUBLISHED, Map.of("odsCode", "RGT", "planVersion", 3)), new NewEvent(
                    CampaignTopics.MEASUREMENT_RECORDED, Map.of("value", 2.0, "period", "2015-04-01"))));
            return null;
        });

        List<CampaignEvent> events = node("n1", FAST).after(0, 10);

        assertThat(events).extracting(CampaignEvent::sequence).containsExactly(1L, 2L);
        assertThat(events.get(0).properties().get("planVersion")).isEqualTo(3L);
        assertThat(events.get(1).properties().get("value")).isEqualTo(2.0);
    }

    @Test
    void concurrentWritersCommitInSequenceOrderSoASubscriberSeesEveryEventOnceWithoutGaps() throws Exception {
        int writers = 4;
        int writes = 200;
        Collecting.Shared seen = new Collecting.Shared();
        // Delivering while the writers write: a reader that passed a later number would miss an earlier one.
        EventDispatcher n1 = node("n1", FAST);
        n1.addSubscriber(Collecting.oncePerCluster("partner", seen));
        ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
        // And a reader as fast as it can go: whatever it reads after its position must start right after it.
        AtomicBoolean writing = new AtomicBoolean(true);
        List<String> gaps = new CopyOnWriteArrayList<>();
        Future<Long> reader = pool.submit(() -> {
            long position = 0;
            while (writing.get() || position < n1.latestSequence()) {
                for (CampaignEvent e : n1.after(position, 1000)) {
                    if (e.sequence() != position + 1) {
                        gaps.add("read " + e.sequence() + " right after " + position);
                    }
                    position = e.sequence();
                }
            }
            return position;
        });
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            done.add(pool.submit(() -> {
                for (int n = 1; n <= writes; n++) {
                    join(code(writer, n));
                }
            }));
        }
        for (Future<?> f : done) {
            f.get(2, TimeUnit.MINUTES);
        }
        writing.set(false);
        int total = writers * writes;
        assertThat(reader.get(1, TimeUnit.MINUTES)).isEqualTo(total);
        pool.shutdown();
        assertThat(gaps).as("a later sequence number visible before an earlier one").isEmpty();

        await().atMost(WAIT).until(() -> seen.handled().size() >= total);
        assertThat(seen.sequences()).containsExactlyElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
        Set<String> codes = new HashSet<>();
        seen.handled().forEach(e -> codes.add((String) e.properties().get("odsCode")));
        assertThat(codes).hasSize(total).contains(code(0, 1), code(3, writes));
        assertThat(count("SELECT COUNT(*) FROM member")).isEqualTo(total);
    }

    @Test
    void aFailingSubscriberGetsTheSameEventAgainBeforeAnyLaterOneAndItsErrorIsShown() {
        join("A00001");
        join("A00002");
        join("A00003");
        Collecting.Shared seen = new Collecting.Shared();
        Collecting partner = Collecting.oncePerCluster("partner", seen);
        partner.failOn(e -> e.sequence() == 2);
        EventDispatcher n1 = node("n1", FAST);
        n1.addSubscriber(partner);

        await().atMost(WAIT).until(() -> seen.attempts.get() >= 3);
        SubscriberState failed = n1.subscribers().get(0);
        assertThat(failed.cursor()).isEqualTo(1);
        assertThat(failed.lag()).isEqualTo(2);
        assertThat(failed.lastError()).contains("event 2").contains("partner system down");
        assertThat(failed.lastErrorAt()).isNotNull();
        assertThat(seen.sequences()).containsExactly(1L);

        partner.failOn(e -> false);
        await().atMost(WAIT).until(() -> seen.handled().size() == 3);
        assertThat(seen.sequences()).containsExactly(1L, 2L, 3L);
        SubscriberState recovered = n1.subscribers().get(0);
        assertThat(recovered.cursor()).isEqualTo(3);
        assertThat(recovered.lag()).isZero();
        assertThat(recovered.lastError()).isNull();
    }

    @Test
    void twoNodesDeliverEachEventToAOncePerClusterSubscriberExactlyOnceInTotal() throws Exception {
        Collecting.Shared seen = new Collecting.Shared();
        node("n1", FAST).addSubscriber(Collecting.oncePerCluster("partner", seen));
        node("n2", FAST).addSubscriber(Collecting.oncePerCluster("partner", seen));
        int total = 150;
        for (int n = 1; n <= total; n++) {
            join(code(0, n));
        }

        await().atMost(WAIT).until(() -> seen.handled().size() >= total);
        assertThat(seen.sequences()).containsExactlyElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
        assertThat(seen.overlapped).isFalse();
        assertThat(seen.handled()).extracting(CampaignEvent::nodeId).containsOnly(RecordingEvents.NODE);
    }

    @Test
    void whenTheDeliveringNodeStopsAnotherTakesOverWithinTheLease() {
        EventDispatcher.Settings shortLease = new EventDispatcher.Settings(Duration.ofMillis(20), 50,
                Duration.ofSeconds(1), Duration.ofSeconds(1));
        Collecting.Shared seen = new Collecting.Shared();
        EventDispatcher n1 = node("n1", shortLease);
        n1.addSubscriber(Collecting.oncePerCluster("partner", seen));
        join("A00001");
        await().atMost(WAIT).until(() -> seen.handled().size() == 1);
        EventDispatcher n2 = node("n2", shortLease);
        n2.addSubscriber(Collecting.oncePerCluster("partner", seen));
        assertThat(n2.subscribers().get(0).leaseOwner()).isEqualTo("n1");

        n1.halt(); // dies: keeps its lease until it runs out
        join("A00002");

        await().atMost(WAIT).until(() -> seen.handled().size() == 2);
        assertThat(seen.sequences()).containsExactly(1L, 2L);
        assertThat(n2.subscribers().get(0).leaseOwner()).isEqualTo("n2");
    }

    @Test
    void aSubscriberInstalledLaterReplaysTheWholeLogAndOneStartingAtTheLatestDoesNot() {
        join("A00001");
        join("A00002");
        Collecting.Shared fromStart = new Collecting.Shared();
        Collecting.Shared fromLatest = new Collecting.Shared();
        EventDispatcher n1 = node("n1", FAST);
        n1.addSubscriber(Collecting.oncePerCluster("late", fromStart));
        n1.addSubscriber(new Collecting("latest", Delivery.ONCE_PER_CLUSTER, Start.LATEST, Set.of(), fromLatest));
        await().atMost(WAIT).until(() -> n1.subscribers().size() == 2);
        join("A00003");

        await().atMost(WAIT).until(() -> fromStart.handled().size() == 3 && fromLatest.handled().size() == 1);
        assertThat(fromStart.sequences()).containsExactly(1L, 2L, 3L);
        assertThat(fromLatest.sequences()).containsExactly(3L);
    }

    @Test
    void rewindReplaysFromTheGivenSequence() {
        join("A00001");
        join("A00002");
        join("A00003");
        Collecting.Shared seen = new Collecting.Shared();
        EventDispatcher n1 = node("n1", FAST);
        n1.addSubscriber(Collecting.oncePerCluster("partner", seen));
        await().atMost(WAIT).until(() -> seen.handled().size() == 3);

        SubscriberState rewound = n1.rewind("partner", 1);

        assertThat(rewound.cursor()).isEqualTo(1);
        await().atMost(WAIT).until(() -> seen.handled().size() == 5);
        assertThat(seen.sequences()).containsExactly(1L, 2L, 3L, 2L, 3L);
        assertThatThrownBy(() -> n1.rewind("nobody", 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nobody");
        assertThatThrownBy(() -> n1.rewind("partner", 4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("was 4");
    }

    @Test
    void everyNodeSubscribersHearEachEventOnEveryNodeFromTheirStartOnward() {
        join("A00001");
        Collecting.Shared onN1 = new Collecting.Shared();
        Collecting.Shared onN2 = new Collecting.Shared();
        Set<String> plans = Set.of(CampaignTopics.PLAN_PUBLISHED);
        EventDispatcher n1 = node("n1", FAST);
        EventDispatcher n2 = node("n2", FAST);
        n1.addSubscriber(new Collecting("cache", Delivery.EVERY_NODE, Start.LATEST, Set.of(), onN1));
        n2.addSubscriber(new Collecting("cache", Delivery.EVERY_NODE, Start.LATEST, plans, onN2));
        await().atMost(WAIT).until(() -> n1.subscribers().stream().anyMatch(s -> s.subscriberId().equals("cache")
                && s.cursor() == 1) && n2.subscribers().stream().anyMatch(s -> s.cursor() == 1));

        join("A00002");
        db.inTransaction(c -> {
            EventStore.append(c, "n3", Instant.now(), List.of(new NewEvent(CampaignTopics.PLAN_PUBLISHED,
                    Map.of("odsCode", "A00002", "planVersion", 1L))));
            return null;
        });

        await().atMost(WAIT).until(() -> onN1.handled().size() == 2 && onN2.handled().size() == 1);
        assertThat(onN1.sequences()).containsExactly(2L, 3L);
        assertThat(onN2.sequences()).containsExactly(3L);
        await().atMost(WAIT).until(() -> n2.subscribers().get(0).cursor() == 3);
        assertThat(count("SELECT COUNT(*) FROM event_subscriber")).isZero();
    }

    @Test
    void aStoreOutageDelaysDeliveryAndLosesNothing() {
        join("A00001");
        join("A00002");
        Collecting.Shared seen = new Collecting.Shared();
        outage.down();
        EventDispatcher n1 = node("n1", FAST);
        n1.addSubscriber(Collecting.oncePerCluster("partner", seen));

        await().atMost(WAIT).until(() -> outage.refused() >= 5); // polled, and refused, several times
        assertThat(seen.handled()).isEmpty();
        outage.up();

        await().atMost(WAIT).until(() -> seen.handled().size() == 2);
        join("A00003");
        await().atMost(WAIT).until(() -> seen.handled().size() == 3);
        assertThat(seen.sequences()).containsExactly(1L, 2L, 3L);
    }

    @Test
    void anUnregisteredSubscriberGivesUpItsLeaseAndARegisteredOneContinuesFromTheCursor() {
        EventDispatcher.Settings longLease = new EventDispatcher.Settings(Duration.ofMillis(20), 50,
                Duration.ofSeconds(120), Duration.ofSeconds(1));
        Collecting.Shared seen = new Collecting.Shared();
        EventDispatcher n1 = node("n1", longLease);
        Collecting onN1 = Collecting.oncePerCluster("partner", seen);
        n1.addSubscriber(onN1);
        join("A00001");
        await().atMost(WAIT).until(() -> seen.handled().size() == 1);
        EventDispatcher n2 = node("n2", longLease);
        n2.addSubscriber(Collecting.oncePerCluster("partner", seen));

        n1.removeSubscriber(onN1); // e.g. the partner's bundle stops on n1
        join("A00002");

        // Well within the 120 s lease: n1 gave it up rather than letting it run out.
        await().atMost(WAIT).until(() -> seen.handled().size() == 2);
        assertThat(n2.subscribers().get(0).leaseOwner()).isEqualTo("n2");
        n1.addSubscriber(Collecting.oncePerCluster("partner", seen)); // back on n1: n2 keeps delivering
        join("A00003");
        await().atMost(WAIT).until(() -> seen.handled().size() == 3);
        assertThat(seen.sequences()).containsExactly(1L, 2L, 3L);
        assertThat(seen.overlapped).isFalse();
    }

    @Test
    void readingTheLogChecksItsArguments() {
        EventDispatcher n1 = node("n1", FAST);
        assertThatThrownBy(() -> n1.after(-1, 10)).hasMessage("after: must be 0 or more, was -1");
        assertThatThrownBy(() -> n1.after(0, 0)).hasMessage("limit: must be 1 to 1000, was 0");
        assertThat(n1.after(0, 10)).isEmpty();
        assertThat(n1.latestSequence()).isZero();
    }

    private long count(String sql) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
