package uk.nhs.safety.campaign.model.internal.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import uk.nhs.safety.campaign.api.CampaignSummary;
import uk.nhs.safety.campaign.api.Member;
import uk.nhs.safety.campaign.api.MemberQuery;
import uk.nhs.safety.campaign.api.MemberStatus;
import uk.nhs.safety.campaign.api.NewMember;
import uk.nhs.safety.campaign.api.OrganisationType;
import uk.nhs.safety.campaign.api.PlanVersion;
import uk.nhs.safety.campaign.model.internal.plan.PlanServiceImpl;
import uk.nhs.safety.campaign.model.internal.testing.Plans;
import uk.nhs.safety.campaign.model.internal.testing.RecordingEvents;
import uk.nhs.safety.campaign.model.internal.testing.StoreTest;
import uk.nhs.safety.campaign.model.internal.testing.TestDatabase;

class CampaignSummaryTest {

    private static final Instant NOW = TestDatabase.CLOCK.instant();

    private final RecordingEvents events = new RecordingEvents();
    private final MemberServiceImpl members;
    private final PlanServiceImpl plans;

    CampaignSummaryTest(TestDatabase store) {
        this.members = new MemberServiceImpl(store.database, events, TestDatabase.CLOCK);
        this.plans = new PlanServiceImpl(store.database, events, TestDatabase.CLOCK);
    }

    /**
     * Five members: two joined in November 2014, one in January 2015, two (by default) on the clock's day, 1 April
     * 2015; one of them withdrawn. RGT published twice (the summary shows version 2's title), RL4 once, RJ1 saved a
     * draft only, the others have no plan.
     */
    private void campaign() {
        join("RGT", LocalDate.of(2014, 11, 3));
        join("RL4", LocalDate.of(2014, 11, 20));
        join("RJ1", LocalDate.of(2015, 1, 15));
        join("RXX", null);
        Member gone = join("RYY", null);
        members.withdraw("alice", "RYY", gone.version());

        long v = plans.save("alice", "RGT", Plans.plan(), null).version();
        plans.publish("alice", "RGT", v);
        v = plans.plan("RGT").orElseThrow().version();
        v = plans.save("alice", "RGT", Plans.withTitle(Plans.plan(), "Falls plan, second edition"), v).version();
        plans.publish("alice", "RGT", v);
        plans.publish("alice", "RL4", plans.save("alice", "RL4", Plans.withTitle(Plans.plan(), "RL4 falls"), null)
                .version());
        plans.save("alice", "RJ1", Plans.plan(), null);
    }

    private Member join(String code, LocalDate joined) {
        return members.join("alice", new NewMember(code, "Trust " + code, OrganisationType.ACUTE, "London", null,
                joined));
    }

    @StoreTest
    void countsMembersSignUpsByMonthAndTheLatestPublishedPlans() {
        campaign();

        CampaignSummary summary = members.summary();

        assertThat(summary.members()).isEqualTo(5);
        assertThat(summary.active()).isEqualTo(4);
        assertThat(summary.joinedByMonth()).containsExactly(Map.entry(YearMonth.of(2014, 11), 2),
                Map.entry(YearMonth.of(2015, 1), 1), Map.entry(YearMonth.of(2015, 4), 2));
        assertThat(summary.publishedPlans()).containsExactly(
                new CampaignSummary.PublishedPlan("RGT", "Trust RGT", "Falls plan, second edition", 2, NOW),
                new CampaignSummary.PublishedPlan("RL4", "Trust RL4", "RL4 falls", 1, NOW));
    }

    @StoreTest
    void answersTheSameAsReadingEachMemberInTurn() {
        campaign();

        assertThat(members.summary()).isEqualTo(memberByMember());
    }

    @StoreTest
    void summarisesAnEmptyCampaign() {
        assertThat(members.summary()).isEqualTo(new CampaignSummary(0, 0, new TreeMap<>(), List.of()));
    }

    /** The summary as the HTTP layer used to build it: every member in pages, then each one's plan and version. */
    private CampaignSummary memberByMember() {
        List<Member> all = members.list(new MemberQuery(null, null, null, null, 0, MemberQuery.MAX_LIMIT)).items();
        TreeMap<YearMonth, Integer> byMonth = new TreeMap<>();
        int active = 0;
        List<CampaignSummary.PublishedPlan> published = new ArrayList<>();
        for (Member m : all) {
            active += m.status() == MemberStatus.ACTIVE ? 1 : 0;
            byMonth.merge(YearMonth.from(m.joined()), 1, Integer::sum);
            plans.plan(m.odsCode()).filter(p -> p.publishedVersion() > 0).ifPresent(p -> {
                PlanVersion v = plans.version(m.odsCode(), p.publishedVersion());
                published.add(new CampaignSummary.PublishedPlan(m.odsCode(), m.name(), v.content().title(),
                        v.number(), v.publishedAt()));
            });
        }
        return new CampaignSummary(all.size(), active, byMonth, published);
    }
}
