package uk.nhs.safety.campaign.model.internal.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import uk.nhs.safety.campaign.api.FocusArea;
import uk.nhs.safety.campaign.api.NewMember;
import uk.nhs.safety.campaign.api.NotFoundException;
import uk.nhs.safety.campaign.api.OrganisationType;
import uk.nhs.safety.campaign.api.PlanContent;
import uk.nhs.safety.campaign.api.PlanStatus;
import uk.nhs.safety.campaign.api.PlanVersion;
import uk.nhs.safety.campaign.api.SafetyPlan;
import uk.nhs.safety.campaign.api.StaleVersionException;
import uk.nhs.safety.campaign.api.ValidationException;
import uk.nhs.safety.campaign.api.event.CampaignTopics;
import uk.nhs.safety.campaign.model.internal.member.MemberServiceImpl;
import uk.nhs.safety.campaign.model.internal.testing.Plans;
import uk.nhs.safety.campaign.model.internal.testing.RecordingEvents;
import uk.nhs.safety.campaign.model.internal.testing.StoreTest;
import uk.nhs.safety.campaign.model.internal.testing.TestDatabase;

class PlanServiceTest {

    private final TestDatabase store;
    private final RecordingEvents events = new RecordingEvents();
    private final PlanServiceImpl plans;

    private ExecutorService pool;

    PlanServiceTest(TestDatabase store) {
        this.store = store;
        this.plans = new PlanServiceImpl(store.database, events, TestDatabase.CLOCK);
    }

    @BeforeEach
    void member() {
        new MemberServiceImpl(store.database, new RecordingEvents(), TestDatabase.CLOCK).join("setup",
                new NewMember("RGT", "Cambridge", OrganisationType.ACUTE, null, null, null));
    }

    @AfterEach
    void stopPool() throws InterruptedException {
        if (pool != null) {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @StoreTest
    void createsADraftPlanReadableAfterwards() {
        SafetyPlan created = plans.save("alice", "rgt", Plans.plan(), null);

        assertThat(created.status()).isEqualTo(PlanStatus.DRAFT);
        assertThat(created.publishedVersion()).isZero();
        assertThat(created.updatedBy()).isEqualTo("alice");
        assertThat(plans.plan("RGT")).contains(created);
    }

    @StoreTest
    void refusesToCreateASecondPlanAsAStaleEdit() {
        SafetyPlan first = plans.save("alice", "RGT", Plans.plan(), null);

        assertThatThrownBy(() -> plans.save("bob", "RGT", Plans.withTitle(Plans.plan(), "Bob's"), null))
                .asInstanceOf(type(StaleVersionException.class))
                .satisfies(e -> {
                    assertThat(e.expected()).isZero();
                    assertThat(e.current()).isEqualTo(first.version());
                });
        assertThat(plans.plan("RGT")).contains(first);
    }

    @StoreTest
    void refusesAPlanForAnUnknownMember() {
        assertThatThrownBy(() -> plans.save("alice", "RXX", Plans.plan(), null))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("RXX");
        assertThatThrownBy(() -> plans.versions("RXX")).isInstanceOf(NotFoundException.class);
    }

    @StoreTest
    void latestPublishedIsTheNewestVersionNeverTheDraftAfterIt() {
        assertThat(plans.latestPublished("RGT")).isEmpty();
        SafetyPlan draft = plans.save("alice", "RGT", Plans.plan(), null);
        assertThat(plans.latestPublished("rgt")).isEmpty();

        plans.publish("alice", "RGT", draft.version());
        SafetyPlan second = plans.save("bob", "RGT", Plans.withTitle(Plans.plan(), "Falls plan, version 2"),
                plans.plan("RGT").orElseThrow().version());
        plans.publish("bob", "RGT", second.version());
        plans.save("carol", "RGT", Plans.withTitle(Plans.plan(), "Falls plan, draft 3"),
                plans.plan("RGT").orElseThrow().version());

        PlanVersion latest = plans.latestPublished(" rgt ").orElseThrow();
        assertThat(latest.number()).isEqualTo(2);
        assertThat(latest.publishedBy()).isEqualTo("bob");
        assertThat(latest.content().title()).isEqualTo("Falls plan, version 2");
        assertThatThrownBy(() -> plans.latestPublished("RXX")).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("RXX");
    }

    @StoreTest
    void keepsEveryPublishedVersionReadable() {
        SafetyPlan draft = plans.save("alice", "RGT", Plans.plan(), null);
        PlanVersion v1 = plans.publish("alice", "RGT", draft.version());
        SafetyPlan afterV1 = plans.plan("RGT").orElseThrow();
        SafetyPlan edited = plans.save("bob", "RGT", Plans.withTitle(Plans.plan(), "Falls plan, revised"),
                afterV1.version());
        assertThat(edited.status()).isEqualTo(PlanStatus.DRAFT);

        PlanVersion v2 = plans.publish("bob", "RGT", edited.version());

        assertThat(v1.number()).isEqualTo(1);
        assertThat(v2.number()).isEqualTo(2);
        assertThat(plans.version("RGT", 1).content().title()).isEqualTo("Falls safety improvement plan");
        assertThat(plans.version("RGT", 2).content().title()).isEqualTo("Falls plan, revised");
        assertThat(plans.version("RGT", 1)).isEqualTo(v1);
        assertThat(plans.versions("RGT")).containsExactly(v1, v2);
        assertThat(v2.publishedBy()).isEqualTo("bob");
        SafetyPlan now = plans.plan("RGT").orElseThrow();
        assertThat(now.status()).isEqualTo(PlanStatus.PUBLISHED);
        assertThat(now.publishedVersion()).isEqualTo(2);
        assertThatThrownBy(() -> plans.version("RGT", 3)).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("version 3");
    }

    @StoreTest
    void refusesToPublishAnUnchangedPlan() {
        SafetyPlan draft = plans.save("alice", "RGT", Plans.plan(), null);
        plans.publish("alice", "RGT", draft.version());
        SafetyPlan published = plans.plan("RGT").orElseThrow();
        long audit = store.auditRows();

        assertThatThrownBy(() -> plans.publish("alice", "RGT", published.version()))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("nothing to publish");
        assertThat(plans.versions("RGT")).hasSize(1);
        assertThat(plans.plan("RGT")).contains(published);
        assertThat(store.auditRows()).isEqualTo(audit);
        assertThat(events.posted(CampaignTopics.PLAN_PUBLISHED)).hasSize(1);
    }

    @StoreTest
    void savingTheLatestPublishedContentAgainMakesThePlanPublishedNotDraft() {
        SafetyPlan draft = plans.save("alice", "RGT", Plans.plan(), null);
        plans.publish("alice", "RGT", draft.version());
        SafetyPlan edited = plans.save("alice", "RGT", Plans.withTitle(Plans.plan(), "Changed"),
                plans.plan("RGT").orElseThrow().version());

        SafetyPlan reverted = plans.save("alice", "RGT", Plans.plan(), edited.version());

        assertThat(edited.status()).isEqualTo(PlanStatus.DRAFT);
        assertThat(reverted.status()).isEqualTo(PlanStatus.PUBLISHED);
        assertThat(reverted.publishedVersion()).isEqualTo(1);
    }

    @StoreTest
    void aSecondEditorOfTheSameVersionIsRefusedAndTheFirstEditStays() {
        SafetyPlan read = plans.save("setup", "RGT", Plans.plan(), null);
        PlanContent alices = Plans.withTitle(Plans.plan(), "Alice's plan");
        PlanContent bobs = Plans.withTitle(Plans.plan(), "Bob's plan");

        SafetyPlan saved = plans.save("alice", "RGT", alices, read.version());

        assertThatThrownBy(() -> plans.save("bob", "RGT", bobs, read.version()))
                .asInstanceOf(type(StaleVersionException.class))
                .satisfies(e -> {
                    assertThat(e.expected()).isEqualTo(read.version());
                    assertThat(e.current()).isEqualTo(saved.version());
                });
        assertThat(plans.plan("RGT").orElseThrow().content().title()).isEqualTo("Alice's plan");
        assertThat(store.count("SELECT COUNT(*) FROM audit WHERE actor = 'bob'")).isZero();
    }

    @StoreTest
    void exactlyOneOfTwoConcurrentSavesOfTheSameVersionWins() throws Exception {
        SafetyPlan read = plans.save("setup", "RGT", Plans.plan(), null);
        pool = Executors.newFixedThreadPool(2);
        CyclicBarrier start = new CyclicBarrier(2);
        List<Future<SafetyPlan>> saves = new ArrayList<>();
        for (String editor : List.of("alice", "bob")) {
            saves.add(pool.submit(() -> {
                start.await(10, TimeUnit.SECONDS);
                return plans.save(editor, "RGT", Plans.withTitle(Plans.plan(), editor + "'s plan"), read.version());
            }));
        }

        List<SafetyPlan> won = new ArrayList<>();
        List<Throwable> lost = new ArrayList<>();
        for (Future<SafetyPlan> save : saves) {
            try {
                won.add(save.get(30, TimeUnit.SECONDS));
            } catch (java.util.concurrent.ExecutionException e) {
                lost.add(e.getCause());
            }
        }

        assertThat(won).hasSize(1);
        assertThat(lost).singleElement().isInstanceOf(StaleVersionException.class);
        SafetyPlan stored = plans.plan("RGT").orElseThrow();
        assertThat(stored.content().title()).isEqualTo(won.get(0).content().title());
        assertThat(stored.version()).isEqualTo(read.version() + 1);
        assertThat(store.count("SELECT COUNT(*) FROM audit WHERE action = 'plan.saved'")).isEqualTo(1);
    }

    @StoreTest
    void refusesToPublishAStaleVersion() {
        SafetyPlan draft = plans.save("alice", "RGT", Plans.plan(), null);
        SafetyPlan edited = plans.save("alice", "RGT", Plans.withTitle(Plans.plan(), "x"), draft.version());

        assertThatThrownBy(() -> plans.publish("bob", "RGT", draft.version()))
                .isInstanceOf(StaleVersionException.class);
        assertThat(plans.versions("RGT")).isEmpty();
        assertThat(plans.plan("RGT")).contains(edited);
    }

    @StoreTest
    void announcesAPublishedVersionOnlyOnceItIsCommitted() {
        SafetyPlan draft = plans.save("alice", "RGT", Plans.plan(), null);
        events.onPost(p -> assertThat(store.count("SELECT COUNT(*) FROM plan_version WHERE ods_code = ?"
                + " AND version_number = ?", p.properties().get(CampaignTopics.ODS_CODE),
                p.properties().get(CampaignTopics.PLAN_VERSION))).isEqualTo(1));

        plans.publish("carol", "RGT", draft.version());

        // planVersion is a Long, as CampaignTopics documents (the same type the event log delivers)
        assertThat(events.posted()).containsExactly(new RecordingEvents.Posted(CampaignTopics.PLAN_PUBLISHED,
                Map.of(CampaignTopics.ODS_CODE, "RGT", CampaignTopics.ACTOR, "carol", CampaignTopics.PLAN_VERSION, 1L)));
    }

    @StoreTest
    void auditsCreateSaveAndPublish() {
        SafetyPlan draft = plans.save("alice", "RGT", Plans.plan(), null);
        SafetyPlan edited = plans.save("bob", "RGT", Plans.withTitle(Plans.plan(), "x"), draft.version());
        plans.publish("carol", "RGT", edited.version());

        assertThat(store.count("SELECT COUNT(*) FROM audit WHERE ods_code = 'RGT' AND action = 'plan.created'"
                + " AND actor = 'alice'")).isEqualTo(1);
        assertThat(store.count("SELECT COUNT(*) FROM audit WHERE ods_code = 'RGT' AND action = 'plan.saved'"
                + " AND actor = 'bob'")).isEqualTo(1);
        assertThat(store.count("SELECT COUNT(*) FROM audit WHERE ods_code = 'RGT' AND action = 'plan.published'"
                + " AND actor = 'carol' AND subject = 'plan version 1'")).isEqualTo(1);
    }

    @StoreTest
    void extendsTheFocusAreaVocabularyAndRefusesDuplicates() {
        int before = plans.focusAreas().size();

        FocusArea added = plans.addFocusArea("admin", new FocusArea("amr", " Antimicrobial resistance "));

        assertThat(added).isEqualTo(new FocusArea("amr", "Antimicrobial resistance"));
        assertThat(plans.focusAreas()).hasSize(before + 1).contains(added);
        assertThatThrownBy(() -> plans.addFocusArea("admin", new FocusArea("amr", "Again")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("already in the vocabulary");
        assertThatThrownBy(() -> plans.addFocusArea("admin", new FocusArea("Bad Code", "")))
                .asInstanceOf(type(ValidationException.class))
                .extracting(e -> e.violations().stream().map(v -> v.field()).toList()).asList()
                .containsExactlyInAnyOrder("code", "label");
        assertThat(store.count("SELECT COUNT(*) FROM audit WHERE ods_code IS NULL AND action = 'focus-area.added'"))
                .isEqualTo(1);
        // A plan can use the new area at once.
        PlanContent p = Plans.plan();
        assertThat(plans.save("alice", "RGT", new PlanContent(p.title(), p.periodStart(), null, List.of("amr"),
                p.diagram(), p.measures()), null).content().focusAreas()).containsExactly("amr");
    }
}
