package uk.nhs.safety.campaign.console.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.nhs.safety.campaign.api.ActionStatus;
import uk.nhs.safety.campaign.api.ImportResult;
import uk.nhs.safety.campaign.api.Member;
import uk.nhs.safety.campaign.api.MemberStatus;
import uk.nhs.safety.campaign.api.OrganisationType;
import uk.nhs.safety.campaign.api.Pledge;
import uk.nhs.safety.campaign.api.PledgeAction;
import uk.nhs.safety.campaign.api.ValidationException;
import uk.nhs.safety.campaign.api.Violation;
import uk.nhs.safety.partner.testkit.ConsoleOutput;
import uk.nhs.safety.partner.testkit.FolderFileArea;

class MemberCommandsTest {

    @TempDir
    Path dir;

    private final FakeMemberService members = new FakeMemberService();

    private MemberImportCommand importCommand(Path file, String user) {
        MemberImportCommand c = new MemberImportCommand();
        c.memberService = members;
        c.in(FakeSession.of(user));
        c.files = new FolderFileArea(dir);
        c.file = file.toString();
        return c;
    }

    @Test
    void importsTheFileAsTheShellUserAndReportsTheCounts() throws Exception {
        String rows = "RGT,CAMBRIDGE UNIVERSITY HOSPITALS NHS FOUNDATION TRUST,Y61,Q79\n";
        Path file = Files.writeString(dir.resolve("etr.csv"), rows, StandardCharsets.UTF_8);
        members.importOutcome = () -> new ImportResult(241, 230, 3, 2, 6);

        ConsoleOutput output = ConsoleOutput.run(importCommand(file, "alice"));

        assertThat(members.importActor).isEqualTo("alice");
        assertThat(members.importName).isEqualTo("etr.csv");
        assertThat(members.importText).isEqualTo(rows);
        assertThat(output.outLines()).containsExactly(
                "Imported " + file + ": 241 rows, 230 added, 3 updated, 2 unchanged, 6 closed");
    }

    @Test
    void actsAsKarafWhenTheSessionHasNoUser() throws Exception {
        Path file = Files.writeString(dir.resolve("etr.csv"), "", StandardCharsets.UTF_8);

        ConsoleOutput.run(importCommand(file, null));

        assertThat(members.importActor).isEqualTo("karaf");
    }

    @Test
    void listsEveryViolationOfARefusedImportOnItsOwnLine() throws Exception {
        Path file = Files.writeString(dir.resolve("etr.csv"), "x\n", StandardCharsets.UTF_8);
        members.importOutcome = () -> {
            throw new ValidationException(List.of(
                    Violation.atLine(12, "code", "X1", OrganisationType.ACUTE.codeRule()),
                    Violation.atLine(40, "open date", "20151301", "not a date (YYYYMMDD)")));
        };

        ConsoleOutput output = ConsoleOutput.run(importCommand(file, "alice"));

        assertThat(output.exitStatus()).as("bin/client exit status").isEqualTo(1);
        assertThat(output.out()).isEmpty();
        assertThat(output.errLines()).containsExactly(
                "Error: 2 problems, nothing was changed:",
                "  - line 12, code 'X1': " + OrganisationType.ACUTE.codeRule(),
                "  - line 40, open date '20151301': not a date (YYYYMMDD)");
    }

    @Test
    void showsTheMemberItsPledgePageAndNoPlan() throws Exception {
        members.members.add(new Member("RGT", "Cambridge University Hospitals NHS Foundation Trust",
                OrganisationType.ACUTE, "East of England", "CB2 0QQ", LocalDate.of(2014, 6, 24), MemberStatus.ACTIVE,
                LocalDate.of(1992, 4, 1), null, false, 4));
        FakePledgeService pledges = new FakePledgeService();
        // published actions for pledges 1, 3 and 5; pledge 2 has only a draft; pledge 4 has nothing
        pledges.actions.add(action(1, Pledge.PUT_SAFETY_FIRST, true));
        pledges.actions.add(action(2, Pledge.PUT_SAFETY_FIRST, true));
        pledges.actions.add(action(3, Pledge.CONTINUALLY_LEARN, false));
        pledges.actions.add(action(4, Pledge.BE_HONEST, true));
        pledges.actions.add(action(5, Pledge.BE_SUPPORTIVE, true));
        MemberShowCommand c = new MemberShowCommand();
        c.memberService = members;
        c.pledgeService = pledges;
        c.planService = new FakePlanService();
        c.in(FakeSession.of("alice"));
        c.ods = "rgt";

        ConsoleOutput output = ConsoleOutput.run(c);

        assertThat(output.err()).isEmpty();
        assertThat(output.row("Type")).hasValue(List.of("Type", "Acute trust"));
        assertThat(output.row("Postcode")).hasValue(List.of("Postcode", "CB2 0QQ"));
        assertThat(output.row("1 Put safety first")).hasValue(List.of("1 Put safety first", "2", "0"));
        assertThat(output.row("2 Continually learn")).hasValue(List.of("2 Continually learn", "0", "1"));
        assertThat(output.outLines()).contains("Pledge page: not published \u2014 missing pledges 2, 4", "No plan");
    }

    @Test
    void reportsAnUnknownMemberInOneLine() throws Exception {
        MemberShowCommand c = new MemberShowCommand();
        c.memberService = members;
        c.pledgeService = new FakePledgeService();
        c.planService = new FakePlanService();
        c.in(FakeSession.of("alice"));
        c.ods = "rxx";

        ConsoleOutput output = ConsoleOutput.run(c);

        assertThat(output.errLines()).containsExactly("Error: no member with ODS code 'RXX'");
        assertThat(output.out()).isEmpty();
    }

    private static PledgeAction action(long id, Pledge pledge, boolean published) {
        return new PledgeAction(id, "RGT", pledge, "action " + id, "Medical Director", null, ActionStatus.PLANNED,
                published, null, 1);
    }
}
