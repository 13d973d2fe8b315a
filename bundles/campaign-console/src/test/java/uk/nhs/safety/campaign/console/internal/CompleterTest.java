package uk.nhs.safety.campaign.console.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import uk.nhs.safety.campaign.api.Member;
import uk.nhs.safety.campaign.api.MemberStatus;
import uk.nhs.safety.campaign.api.OrganisationType;

class CompleterTest {

    private static Member trust(String code, String name) {
        return new Member(code, name, OrganisationType.ACUTE, null, null, LocalDate.of(2014, 6, 24),
                MemberStatus.ACTIVE, null, null, false, 1);
    }

    @Test
    void completesOdsCodesStartingWithWhatWasTyped() {
        FakeMemberService members = new FakeMemberService();
        members.members.add(trust("RGT", "Cambridge University Hospitals"));
        members.members.add(trust("RGN", "North West Anglia"));
        members.members.add(trust("RJZ", "King's College Hospital"));
        // matches the text filter by name, but its code does not start with the prefix
        members.members.add(trust("RAL", "Royal Free London (RG merger)"));
        OdsCodeCompleter completer = new OdsCodeCompleter();
        completer.memberService = members;
        List<String> candidates = new ArrayList<>();

        completer.complete(FakeSession.of("alice"), new FakeCommandLine("safety:member-show", "rg"), candidates);

        assertThat(candidates).extracting(String::trim).containsExactlyInAnyOrder("RGT", "RGN");
        assertThat(members.queries).singleElement().satisfies(q -> assertThat(q.text()).isEqualTo("RG"));
    }

    @Test
    void completesMeasureKeysOfTheMemberNamedFirst() throws Exception {
        FakePlanService plans = new FakePlanService();
        plans.save("alice", "RGT", PlanJson.parse(PlanJsonTest.example()), null);
        MeasureKeyCompleter completer = new MeasureKeyCompleter();
        completer.planService = plans;
        List<String> candidates = new ArrayList<>();

        completer.complete(FakeSession.of("alice"), new FakeCommandLine("safety:measure-show", "rgt", "falls"),
                candidates);

        assertThat(candidates).extracting(String::trim)
                .containsExactlyInAnyOrder("falls-per-1000", "falls-assessment-24h");
    }
}
