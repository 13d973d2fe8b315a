package uk.nhs.safety.campaign.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import uk.nhs.safety.campaign.api.access.CallerAccess;

/** The default methods that keep test doubles of core's services working when the contract grows. */
class ServiceDefaultsTest {

    @Test
    void allPagesThroughListUntilEveryMemberIsRead() {
        // 2,345 members: pages of 1,000, 1,000 and 345, so list() is asked three times.
        List<Member> directory = IntStream.range(0, 2345)
                .mapToObj(i -> new Member("X%05d".formatted(i), "Org " + i, OrganisationType.ACADEMIC, null, null,
                        LocalDate.of(2015, 4, 1), MemberStatus.ACTIVE, null, null, false, 1))
                .toList();
        List<MemberQuery> asked = new ArrayList<>();
        MemberService members = new ListOnlyMembers(directory, asked);

        assertThat(members.all().toList()).isEqualTo(directory);
        assertThat(asked).extracting(MemberQuery::offset).containsExactly(0, 1000, 2000);
        assertThat(members.all().limit(3).map(Member::odsCode)).containsExactly("X00000", "X00001", "X00002");
    }

    @Test
    void allOfAnEmptyDirectoryAsksOnce() {
        List<MemberQuery> asked = new ArrayList<>();

        assertThat(new ListOnlyMembers(List.of(), asked).all()).isEmpty();
        assertThat(asked).hasSize(1);
    }

    @Test
    void latestPublishedIsTheLastOfTheVersions() {
        PlanContent content = new PlanContent("Plan", LocalDate.of(2015, 4, 1), null, List.of(), null, List.of());
        PlanVersion v1 = new PlanVersion("RGT", 1, Instant.parse("2015-05-01T10:00:00Z"), "alice", content);
        PlanVersion v2 = new PlanVersion("RGT", 2, Instant.parse("2015-06-01T10:00:00Z"), "bob", content);

        assertThat(versionsOnly(List.of(v1, v2)).latestPublished("RGT")).contains(v2);
        assertThat(versionsOnly(List.of()).latestPublished("RGT")).isEmpty();
    }

    @Test
    void visibleActionsShowDraftsOnlyToCallersWhoMayEditTheMember() {
        // actions(ods, publishedOnly) answers what it was asked, so the test sees the flag the default passed
        PledgeService pledges = actionsOnly();
        CallerAccess editorRgt = new CallerAccess("ed", Set.of("member-editor", "member:RGT"));

        assertThat(pledges.visibleActions("RGT", CallerAccess.ANONYMOUS)).extracting(PledgeAction::published)
                .containsExactly(true);
        assertThat(pledges.visibleActions("RJZ", editorRgt)).extracting(PledgeAction::published).containsExactly(true);
        assertThat(pledges.visibleActions("RGT", new CallerAccess("olive", Set.of("operator"))))
                .extracting(PledgeAction::published).containsExactly(true);
        assertThat(pledges.visibleActions("RGT", editorRgt)).extracting(PledgeAction::published)
                .containsExactly(false);
        assertThat(pledges.visibleActions("RJZ", new CallerAccess("alice", Set.of("admin"))))
                .extracting(PledgeAction::published).containsExactly(false);
    }

    private record ListOnlyMembers(List<Member> directory, List<MemberQuery> asked) implements MemberService {
        @Override
        public Page<Member> list(MemberQuery query) {
            asked.add(query);
            int from = Math.min(query.offset(), directory.size());
            int to = Math.min(from + query.limit(), directory.size());
            return new Page<>(directory.subList(from, to), directory.size(), query.offset(), query.limit());
        }

        @Override
        public ImportResult importOdsExtract(String actor, Reader source, String sourceName) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Member join(String actor, NewMember member) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Member withdraw(String actor, String odsCode, long expectedVersion) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Member> find(String odsCode) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CampaignSummary summary() {
            throw new UnsupportedOperationException();
        }
    }

    /** Answers one action whose {@code published} is the {@code publishedOnly} it was asked with. */
    private static PledgeService actionsOnly() {
        return new PledgeService() {
            @Override
            public List<PledgeAction> actions(String odsCode, boolean publishedOnly) {
                return List.of(new PledgeAction(1, odsCode, Pledge.PUT_SAFETY_FIRST, "Action", null, null,
                        ActionStatus.PLANNED, publishedOnly, null, 1));
            }

            @Override
            public PledgeAction addAction(String actor, String odsCode, NewAction action) {
                throw new UnsupportedOperationException();
            }

            @Override
            public PledgeAction updateAction(String actor, String odsCode, long actionId, NewAction action,
                                             long expectedVersion) {
                throw new UnsupportedOperationException();
            }

            @Override
            public PledgeAction publishAction(String actor, String odsCode, long actionId, long expectedVersion) {
                throw new UnsupportedOperationException();
            }

            @Override
            public PledgeSummary summary(String odsCode) {
                throw new UnsupportedOperationException();
            }
        };
    }

    private static PlanService versionsOnly(List<PlanVersion> versions) {
        return new PlanService() {
            @Override
            public List<PlanVersion> versions(String odsCode) {
                return versions;
            }

            @Override
            public Optional<SafetyPlan> plan(String odsCode) {
                throw new UnsupportedOperationException();
            }

            @Override
            public PlanVersion version(String odsCode, int number) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Optional<PlanContent> visibleContent(String odsCode,
                                                        uk.nhs.safety.campaign.api.access.CallerAccess caller) {
                throw new UnsupportedOperationException();
            }

            @Override
            public SafetyPlan save(String actor, String odsCode, PlanContent content, Long expectedVersion) {
                throw new UnsupportedOperationException();
            }

            @Override
            public PlanVersion publish(String actor, String odsCode, long expectedVersion) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<FocusArea> focusAreas() {
                throw new UnsupportedOperationException();
            }

            @Override
            public FocusArea addFocusArea(String actor, FocusArea area) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
