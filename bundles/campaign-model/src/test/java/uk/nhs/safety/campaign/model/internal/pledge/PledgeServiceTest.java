package uk.nhs.safety.campaign.model.internal.pledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;

import uk.nhs.safety.campaign.api.ActionStatus;
import uk.nhs.safety.campaign.api.NewAction;
import uk.nhs.safety.campaign.api.NewMember;
import uk.nhs.safety.campaign.api.NotFoundException;
import uk.nhs.safety.campaign.api.OrganisationType;
import uk.nhs.safety.campaign.api.Pledge;
import uk.nhs.safety.campaign.api.PledgeAction;
import uk.nhs.safety.campaign.api.PledgeSummary;
import uk.nhs.safety.campaign.api.StaleVersionException;
import uk.nhs.safety.campaign.api.ValidationException;
import uk.nhs.safety.campaign.api.Violation;
import uk.nhs.safety.campaign.api.event.CampaignTopics;
import uk.nhs.safety.campaign.model.internal.member.MemberServiceImpl;
import uk.nhs.safety.campaign.model.internal.testing.RecordingEvents;
import uk.nhs.safety.campaign.model.internal.testing.StoreTest;
import uk.nhs.safety.campaign.model.internal.testing.TestDatabase;

class PledgeServiceTest {

    private final TestDatabase store;
    private final RecordingEvents events = new RecordingEvents();
    private final PledgeServiceImpl pledges;

    PledgeServiceTest(TestDatabase store) {
        this.store = store;
        this.pledges = new PledgeServiceImpl(store.database, events, TestDatabase.CLOCK);
    }

    @BeforeEach
    void member() {
        new MemberServiceImpl(store.database, new RecordingEvents(), TestDatabase.CLOCK).join("setup",
                new NewMember("RGT", "Cambridge", OrganisationType.ACUTE, null, null, null));
    }

    @StoreTest
    void addsADraftAction() {
        PledgeAction a = pledges.addAction("alice", "rgt", action(Pledge.BE_HONEST, "  Publish our incident data  "));

        assertThat(a.odsCode()).isEqualTo("RGT");
        assertThat(a.text()).isEqualTo("Publish our incident data");
        assertThat(a.published()).isFalse();
        assertThat(a.publishedAt()).isNull();
        assertThat(pledges.actions("RGT", false)).containsExactly(a);
        assertThat(pledges.actions("RGT", true)).isEmpty();
    }

    @StoreTest
    void reportsEveryProblemOfAnAction() {
        NewAction bad = new NewAction(null, "x".repeat(PledgeServiceImpl.TEXT_MAX + 1), " ", null, null);

        assertThatThrownBy(() -> pledges.addAction("alice", "RGT", bad))
                .asInstanceOf(type(ValidationException.class))
                .extracting(e -> e.violations().stream().map(Violation::field).toList()).asList()
                .containsExactlyInAnyOrder("pledge", "text", "ownerRole", "status");
        assertThat(store.count("SELECT COUNT(*) FROM pledge_action")).isZero();
    }

    @StoreTest
    void refusesAnActionForAnUnknownMember() {
        assertThatThrownBy(() -> pledges.addAction("alice", "RXX", action(Pledge.BE_HONEST, "x")))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("RXX");
    }

    @StoreTest
    void listsActionsByPledgeThenId() {
        PledgeAction honest = pledges.addAction("a", "RGT", action(Pledge.BE_HONEST, "honest"));
        PledgeAction first1 = pledges.addAction("a", "RGT", action(Pledge.PUT_SAFETY_FIRST, "first 1"));
        PledgeAction first2 = pledges.addAction("a", "RGT", action(Pledge.PUT_SAFETY_FIRST, "first 2"));

        assertThat(pledges.actions("RGT", false)).containsExactly(first1, first2, honest);
    }

    @StoreTest
    void publishingSetsThePublicationTimeAndAnnouncesItAfterCommit() {
        PledgeAction a = pledges.addAction("alice", "RGT", action(Pledge.COLLABORATE, "Host a learning network"));
        events.onPost(p -> assertThat(store.count("SELECT COUNT(*) FROM pledge_action WHERE id = ? AND published",
                a.id())).isEqualTo(1));

        PledgeAction published = pledges.publishAction("bob", "RGT", a.id(), a.version());

        assertThat(published.published()).isTrue();
        assertThat(published.publishedAt()).isEqualTo(Instant.now(TestDatabase.CLOCK));
        assertThat(published.version()).isEqualTo(a.version() + 1);
        assertThat(events.posted()).containsExactly(new RecordingEvents.Posted(CampaignTopics.ACTIONS_PUBLISHED,
                Map.of(CampaignTopics.ODS_CODE, "RGT", CampaignTopics.ACTOR, "bob", CampaignTopics.ACTION_ID,
                        a.id(), CampaignTopics.PLEDGE, Pledge.COLLABORATE.name())));
    }

    @StoreTest
    void republishingWithAStaleVersionIsRefusedLikeAnyOtherWrite() {
        PledgeAction a = pledges.addAction("alice", "RGT", action(Pledge.COLLABORATE, "Host a learning network"));
        pledges.publishAction("bob", "RGT", a.id(), a.version());
        long audit = store.auditRows();

        // a.version() is the draft's version: the caller has not seen the published action
        assertThatThrownBy(() -> pledges.publishAction("carol", "RGT", a.id(), a.version()))
                .isInstanceOf(StaleVersionException.class);
        assertThat(store.auditRows()).isEqualTo(audit);
        assertThat(events.posted()).hasSize(1);
    }

    @StoreTest
    void refusesControlCharactersInTextsButKeepsLineBreaksAndTabs() {
        PledgeAction kept = pledges.addAction("alice", "RGT", action(Pledge.BE_HONEST, "Line one\r\nline\ttwo"));
        assertThat(kept.text()).isEqualTo("Line one\nline\ttwo");

        for (String bad : List.of("NUL\u0000here", "ESC\u001b[2J", "lone\rreturn", "DEL\u007f", "NEL\u0085")) {
            assertThatThrownBy(() -> pledges.addAction("alice", "RGT", action(Pledge.BE_HONEST, bad)))
                    .as(bad).asInstanceOf(type(ValidationException.class))
                    .satisfies(e -> assertThat(e.violations()).singleElement().satisfies(v -> {
                        assertThat(v.field()).isEqualTo("text");
                        assertThat(v.message()).contains("control character U+00");
                        assertThat(String.valueOf(v.value())).doesNotContainPattern("\\p{Cc}");
                    }));
        }
        assertThat(pledges.actions("RGT", false)).containsExactly(kept);
    }

    @StoreTest
    void publishingAPublishedActionChangesNothing() {
        PledgeAction a = pledges.addAction("alice", "RGT", action(Pledge.COLLABORATE, "Host a learning network"));
        PledgeAction published = pledges.publishAction("bob", "RGT", a.id(), a.version());
        long audit = store.auditRows();

        PledgeAction again = pledges.publishAction("carol", "RGT", a.id(), published.version());

        assertThat(again).isEqualTo(published);
        assertThat(store.auditRows()).isEqualTo(audit);
        assertThat(events.posted()).hasSize(1);
    }

    @StoreTest
    void refusesAnUpdateOfAStaleVersionAndKeepsTheFirstEdit() {
        PledgeAction a = pledges.addAction("alice", "RGT", action(Pledge.BE_SUPPORTIVE, "original"));
        PledgeAction first = pledges.updateAction("alice", "RGT", a.id(), action(Pledge.BE_SUPPORTIVE, "alice's"),
                a.version());

        assertThatThrownBy(() -> pledges.updateAction("bob", "RGT", a.id(), action(Pledge.BE_SUPPORTIVE, "bob's"),
                a.version()))
                .asInstanceOf(type(StaleVersionException.class))
                .satisfies(e -> assertThat(e.current()).isEqualTo(first.version()));
        assertThat(pledges.actions("RGT", false)).containsExactly(first);
        assertThat(first.text()).isEqualTo("alice's");
    }

    @StoreTest
    void refusesAnActionOfAnotherMember() {
        new MemberServiceImpl(store.database, new RecordingEvents(), TestDatabase.CLOCK).join("setup",
                new NewMember("RJZ", "King's", OrganisationType.ACUTE, null, null, null));
        PledgeAction a = pledges.addAction("alice", "RGT", action(Pledge.BE_HONEST, "x"));

        assertThatThrownBy(() -> pledges.publishAction("mallory", "RJZ", a.id(), a.version()))
                .isInstanceOf(NotFoundException.class);
        assertThat(pledges.actions("RGT", true)).isEmpty();
    }

    @StoreTest
    void thePledgePageCountsAsPublishedOnlyWhenEveryPledgeHasAPublishedAction() {
        Pledge[] all = Pledge.values();
        for (Pledge p : all) {
            PledgeAction a = pledges.addAction("alice", "RGT", action(p, "action for " + p.title()));
            if (p != Pledge.BE_SUPPORTIVE) {
                pledges.publishAction("alice", "RGT", a.id(), a.version());
            }
        }
        PledgeSummary fourOfFive = pledges.summary("RGT");
        assertThat(fourOfFive.pagePublished()).isFalse();
        assertThat(fourOfFive.missing()).containsExactly(Pledge.BE_SUPPORTIVE);
        assertThat(fourOfFive.drafts()).containsEntry(Pledge.BE_SUPPORTIVE, 1).containsEntry(Pledge.BE_HONEST, 0);

        PledgeAction last = pledges.actions("RGT", false).stream().filter(a -> !a.published()).findFirst()
                .orElseThrow();
        pledges.publishAction("alice", "RGT", last.id(), last.version());

        PledgeSummary all5 = pledges.summary("RGT");
        assertThat(all5.pagePublished()).isTrue();
        assertThat(all5.published()).containsOnlyKeys(Arrays.asList(all)).allSatisfy((p, n) -> assertThat(n)
                .isEqualTo(1));
    }

    @StoreTest
    void auditsEachWriteWithItsActor() {
        PledgeAction a = pledges.addAction("alice", "RGT", action(Pledge.BE_HONEST, "x"));
        PledgeAction b = pledges.updateAction("bob", "RGT", a.id(), action(Pledge.BE_HONEST, "y"), a.version());
        pledges.publishAction("carol", "RGT", a.id(), b.version());

        assertThat(store.count("SELECT COUNT(*) FROM audit WHERE ods_code = 'RGT' AND subject = ?",
                "action " + a.id())).isEqualTo(3);
        assertThat(store.count("SELECT COUNT(*) FROM audit WHERE action = 'action.updated' AND actor = 'bob'"
                + " AND detail LIKE '%: x'")).isEqualTo(1);
        assertThat(store.count("SELECT COUNT(*) FROM audit WHERE action = 'action.published' AND actor = 'carol'"))
                .isEqualTo(1);
    }

    private static NewAction action(Pledge pledge, String text) {
        return new NewAction(pledge, text, "Medical Director", LocalDate.of(2016, 3, 31), ActionStatus.PLANNED);
    }
}
