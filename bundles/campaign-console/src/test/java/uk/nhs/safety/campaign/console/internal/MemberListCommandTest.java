package uk.nhs.safety.campaign.console.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import uk.nhs.safety.campaign.api.Member;
import uk.nhs.safety.campaign.api.MemberStatus;
import uk.nhs.safety.campaign.api.OrganisationType;
import uk.nhs.safety.partner.testkit.ConsoleOutput;

class MemberListCommandTest {

    private final FakeMemberService members = new FakeMemberService();

    MemberListCommandTest() {
        members.members.add(member("RGT", "Cambridge University Hospitals NHS Foundation Trust", OrganisationType.ACUTE,
                null));
        members.members.add(member("RYC", "East of England Ambulance Service NHS Trust", OrganisationType.AMBULANCE,
                null));
        members.members.add(member("RDD", "Basildon and Thurrock University Hospitals NHS Foundation Trust",
                OrganisationType.ACUTE, LocalDate.of(2020, 3, 31)));
    }

    private static Member member(String code, String name, OrganisationType type, LocalDate closed) {
        return new Member(code, name, type, "East of England", null, LocalDate.of(2014, 6, 24), MemberStatus.ACTIVE,
                LocalDate.of(1993, 4, 1), closed, false, 1);
    }

    private MemberListCommand command() {
        MemberListCommand c = new MemberListCommand();
        c.memberService = members;
        c.in(FakeSession.of("alice"));
        return c;
    }

    @Test
    void showsClosureBesideTheCampaignStatus() throws Exception {
        ConsoleOutput output = ConsoleOutput.run(command());

        assertThat(output.row("RDD")).get().satisfies(cells ->
                assertThat(cells.get(5)).isEqualTo("ACTIVE (closed 2020-03-31)"));
        assertThat(output.row("RGT")).get().satisfies(cells -> {
            assertThat(cells.get(2)).isEqualTo("Acute trust");
            assertThat(cells.get(4)).isEqualTo("2014-06-24");
            assertThat(cells.get(5)).isEqualTo("ACTIVE");
        });
        assertThat(output.outLines()).last().isEqualTo("3 of 3 members");
    }

    @Test
    void passesFiltersAndPageToTheServiceAndCountsWhatIsShown() throws Exception {
        MemberListCommand c = command();
        c.type = "acute trust";
        c.status = "active";
        c.limit = "1";

        ConsoleOutput output = ConsoleOutput.run(c);

        assertThat(members.queries).singleElement().satisfies(q -> {
            assertThat(q.type()).isEqualTo(OrganisationType.ACUTE);
            assertThat(q.status()).isEqualTo(MemberStatus.ACTIVE);
            assertThat(q.limit()).isEqualTo(1);
            assertThat(q.offset()).isZero();
        });
        assertThat(output.outLines()).last().isEqualTo("1 of 2 members");
    }

    @Test
    void refusesAnUnknownTypeWithOneErrorLineAndListsNothing() throws Exception {
        MemberListCommand c = command();
        c.type = "hospital";

        ConsoleOutput output = ConsoleOutput.run(c);

        assertThat(output.errLines()).singleElement().satisfies(line ->
                assertThat(line).startsWith("Error: type 'hospital': unknown organisation type; one of acute"));
        assertThat(output.out()).isEmpty();
        assertThat(members.queries).isEmpty();
    }

    @Test
    void refusesABadLimitNamingIt() throws Exception {
        MemberListCommand c = command();
        c.limit = "lots";

        ConsoleOutput output = ConsoleOutput.run(c);

        assertThat(output.errLines()).containsExactly("Error: limit 'lots': not a whole number");
        assertThat(output.exitStatus()).as("bin/client exit status").isEqualTo(1);
    }

    @Test
    void completesTypeWithTheEnumNames() {
        List<String> candidates = new java.util.ArrayList<>();
        new OrganisationTypeCompleter().complete(FakeSession.of(null),
                new FakeCommandLine("safety:member-list", "--type", "am"), candidates);
        assertThat(candidates).extracting(String::trim).containsExactly("ambulance");
    }
}
