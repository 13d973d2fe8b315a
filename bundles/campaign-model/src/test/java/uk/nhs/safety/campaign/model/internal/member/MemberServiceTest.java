package uk.nhs.safety.campaign.model.internal.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import uk.nhs.safety.campaign.api.Member;
import uk.nhs.safety.campaign.api.MemberQuery;
import uk.nhs.safety.campaign.api.MemberStatus;
import uk.nhs.safety.campaign.api.NewMember;
import uk.nhs.safety.campaign.api.NotFoundException;
import uk.nhs.safety.campaign.api.OrganisationType;
import uk.nhs.safety.campaign.api.Page;
import uk.nhs.safety.campaign.api.StaleVersionException;
import uk.nhs.safety.campaign.api.ValidationException;
import uk.nhs.safety.campaign.api.Violation;
import uk.nhs.safety.campaign.api.event.CampaignTopics;
import uk.nhs.safety.campaign.model.internal.testing.RecordingEvents;
import uk.nhs.safety.campaign.model.internal.testing.StoreTest;
import uk.nhs.safety.campaign.model.internal.testing.TestDatabase;

class MemberServiceTest {

    private final TestDatabase store;
    private final RecordingEvents events = new RecordingEvents();
    private final MemberServiceImpl members;

    MemberServiceTest(TestDatabase store) {
        this.store = store;
        this.members = new MemberServiceImpl(store.database, events, TestDatabase.CLOCK);
    }

    @StoreTest
    void allStreamsEveryMemberInCodeOrderAcrossPagesWithoutSkippingOnesJoiningMeanwhile() {
        for (String code : List.of("RGT", "RX1", "00L", "RAJ", "Q71")) {
            members.join("alice", new NewMember(code, "Org " + code, code.startsWith("R") ? OrganisationType.ACUTE
                    : OrganisationType.CCG_ICB, null, null, null));
        }
        members.withdraw("alice", "RAJ", 1);

        // Pages of 2: 00L Q71 | RAJ RGT | RX1; RGS joins after the first page was read and sorts into the second.
        Iterator<Member> all = members.all(2).iterator();
        List<String> seen = new ArrayList<>();
        seen.add(all.next().odsCode());
        seen.add(all.next().odsCode());
        members.join("alice", new NewMember("RGS", "Org RGS", OrganisationType.ACUTE, null, null, null));
        all.forEachRemaining(m -> seen.add(m.odsCode()));

        assertThat(seen).containsExactly("00L", "Q71", "RAJ", "RGS", "RGT", "RX1");
        assertThat(members.all().map(Member::odsCode).toList())
                .containsExactly("00L", "Q71", "RAJ", "RGS", "RGT", "RX1");
        assertThat(members.all().filter(m -> m.status() == MemberStatus.WITHDRAWN).map(Member::odsCode))
                .containsExactly("RAJ");
    }

    @StoreTest
    void allOfNoMembersIsEmpty() {
        assertThat(members.all(2)).isEmpty();
    }

    @StoreTest
    void joinsAnOrganisationWithItsCodeTrimmedAndUpperCasedAndTodayAsJoinedDate() {
        Member m = members.join("alice", new NewMember(" rgt ", "Cambridge University Hospitals",
                OrganisationType.ACUTE, "East of England", "CB2 0QQ", null));

        assertThat(m.odsCode()).isEqualTo("RGT");
        assertThat(m.joined()).isEqualTo(LocalDate.of(2015, 4, 1));
        assertThat(m.status()).isEqualTo(MemberStatus.ACTIVE);
        assertThat(m.demo()).isFalse();
        assertThat(members.find("rgt")).contains(m);
    }

    @StoreTest
    void reportsEveryProblemOfASignUpAtOnce() {
        String longName = "N".repeat(MemberServiceImpl.NAME_MAX + 1);

        assertThatThrownBy(() -> members.join(" ", new NewMember("", longName, null, null, null,
                LocalDate.of(2015, 4, 2))))
                .asInstanceOf(type(ValidationException.class))
                .extracting(e -> e.violations().stream().map(Violation::field).toList()).asList()
                .containsExactlyInAnyOrder("actor", "type", "odsCode", "name", "joined");
        assertThat(store.count("SELECT COUNT(*) FROM member")).isZero();
        assertThat(store.auditRows()).isZero();
    }

    @StoreTest
    void refusesASecondSignUpOfTheSameCode() {
        members.join("alice", new NewMember("RGT", "First", OrganisationType.ACUTE, null, null, null));

        assertThatThrownBy(() -> members.join("bob", new NewMember("rgt", "Second", OrganisationType.ACUTE, null,
                null, null)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("is already a member");
        assertThat(members.find("RGT").orElseThrow().name()).isEqualTo("First");
        assertThat(store.auditRows()).isEqualTo(1);
        assertThat(events.posted(CampaignTopics.MEMBER_JOINED)).hasSize(1);
    }

    @StoreTest
    void announcesAJoinOnlyOnceItIsCommitted() {
        events.onPost(p -> assertThat(store.count("SELECT COUNT(*) FROM member WHERE ods_code = ?",
                p.properties().get(CampaignTopics.ODS_CODE))).isEqualTo(1));

        members.join("alice", new NewMember("RGT", "Cambridge", OrganisationType.ACUTE, null, null, null));

        assertThat(events.posted()).containsExactly(new RecordingEvents.Posted(CampaignTopics.MEMBER_JOINED,
                java.util.Map.of(CampaignTopics.ODS_CODE, "RGT", CampaignTopics.ACTOR, "alice")));
    }

    @StoreTest
    void flagsMembersSignedUpByTheDemoSeedAsDemonstrationData() {
        Member m = members.join(MemberServiceImpl.DEMO_ACTOR, new NewMember("RGT", "Cambridge",
                OrganisationType.ACUTE, null, null, null));

        assertThat(m.demo()).isTrue();
        assertThat(members.find("RGT").orElseThrow().demo()).isTrue();
    }

    @StoreTest
    void withdrawsAMemberAndRefusesAStaleVersion() {
        Member m = members.join("alice", new NewMember("RGT", "Cambridge", OrganisationType.ACUTE, null, null, null));

        Member withdrawn = members.withdraw("alice", "RGT", m.version());

        assertThat(withdrawn.status()).isEqualTo(MemberStatus.WITHDRAWN);
        assertThat(withdrawn.version()).isEqualTo(m.version() + 1);
        assertThatThrownBy(() -> members.withdraw("bob", "RGT", m.version()))
                .asInstanceOf(type(StaleVersionException.class))
                .satisfies(e -> {
                    assertThat(e.expected()).isEqualTo(m.version());
                    assertThat(e.current()).isEqualTo(withdrawn.version());
                });
        assertThatThrownBy(() -> members.withdraw("bob", "RXX", 1)).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("RXX");
    }

    @StoreTest
    void listsMembersByCodeWithFiltersAndPages() {
        members.join("a", new NewMember("RGT", "Cambridge University Hospitals", OrganisationType.ACUTE,
                "East of England", null, null));
        members.join("a", new NewMember("RJZ", "King's College Hospital", OrganisationType.ACUTE, "London", null,
                null));
        members.join("a", new NewMember("RXT", "Birmingham and Solihull Mental Health", OrganisationType.MENTAL_HEALTH,
                "West Midlands", null, null));
        members.join("a", new NewMember("A81001", "The Densham Surgery", OrganisationType.GP_PRACTICE, null, null,
                null));

        assertThat(codes(members.list(MemberQuery.all()))).containsExactly("A81001", "RGT", "RJZ", "RXT");
        assertThat(codes(members.list(new MemberQuery(OrganisationType.ACUTE, null, null, null, 0, 10))))
                .containsExactly("RGT", "RJZ");
        assertThat(codes(members.list(new MemberQuery(null, "london", null, null, 0, 10)))).containsExactly("RJZ");
        assertThat(codes(members.list(new MemberQuery(null, null, null, "hospital", 0, 10))))
                .containsExactly("RGT", "RJZ");
        assertThat(codes(members.list(new MemberQuery(null, null, null, "rx", 0, 10)))).containsExactly("RXT");
        // A code matches by prefix only.
        assertThat(codes(members.list(new MemberQuery(null, null, null, "gt", 0, 10)))).isEmpty();
        Page<Member> second = members.list(new MemberQuery(null, null, null, null, 1, 2));
        assertThat(codes(second)).containsExactly("RGT", "RJZ");
        assertThat(second.total()).isEqualTo(4);
    }

    @StoreTest
    void treatsLikeWildcardsInSearchTextLiterally() {
        members.join("a", new NewMember("RGT", "Cambridge", OrganisationType.ACUTE, null, null, null));

        assertThat(members.list(new MemberQuery(null, null, null, "%", 0, 10)).items()).isEmpty();
    }

    @StoreTest
    void auditsEachSignUpAndWithdrawal() {
        Member m = members.join("alice", new NewMember("RGT", "Cambridge", OrganisationType.ACUTE, null, null, null));
        members.withdraw("bob", "RGT", m.version());

        assertThat(store.count("SELECT COUNT(*) FROM audit WHERE ods_code = 'RGT' AND action = 'member.joined'"
                + " AND actor = 'alice'")).isEqualTo(1);
        assertThat(store.count("SELECT COUNT(*) FROM audit WHERE ods_code = 'RGT' AND action = 'member.withdrawn'"
                + " AND actor = 'bob'")).isEqualTo(1);
    }

    @StoreTest
    void refusesAnImportWithoutAnActor() {
        assertThatThrownBy(() -> members.importOdsExtract(null, new StringReader(""), "x.csv"))
                .asInstanceOf(type(ValidationException.class))
                .extracting(e -> e.violations().get(0).field()).isEqualTo("actor");
    }

    private static java.util.List<String> codes(Page<Member> page) {
        return page.items().stream().map(Member::odsCode).toList();
    }
}
