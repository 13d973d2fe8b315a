package uk.nhs.safety.campaign.console.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.nhs.safety.campaign.api.DriverDiagram;
import uk.nhs.safety.campaign.api.PlanContent;
import uk.nhs.safety.partner.testkit.ConsoleOutput;
import uk.nhs.safety.partner.testkit.FolderFileArea;

class PlanCommandsTest {

    @TempDir
    Path dir;

    private final FakePlanService plans = new FakePlanService();

    private PlanImportCommand importCommand(Path file) {
        PlanImportCommand c = new PlanImportCommand();
        c.planService = plans;
        c.in(FakeSession.of("alice"));
        c.files = new FolderFileArea(dir);
        c.ods = "rgt";
        c.jsonFile = file.toString();
        return c;
    }

    @Test
    void importsTheExamplePlanAsANewWorkingCopyAndCountsItsParts() throws Exception {
        Path file = Files.writeString(dir.resolve("plan.json"), PlanJsonTest.example(), StandardCharsets.UTF_8);
        DriverDiagram expected = PlanJson.parse(PlanJsonTest.example()).diagram();
        int drivers = expected.primaryDrivers().size() + expected.secondaryDrivers().size();

        ConsoleOutput output = ConsoleOutput.run(importCommand(file));

        assertThat(output.err()).isEmpty();
        assertThat(plans.calls).containsExactly("save alice RGT expected null");
        assertThat(output.outLines()).containsExactly("Saved plan for RGT: " + drivers + " drivers, "
                + expected.changeIdeas().size() + " change ideas, 5 measures (status DRAFT)");
    }

    @Test
    void updatesAnExistingWorkingCopyAgainstTheVersionJustRead() throws Exception {
        Path file = Files.writeString(dir.resolve("plan.json"), PlanJsonTest.example(), StandardCharsets.UTF_8);
        PlanContent content = PlanJson.parse(PlanJsonTest.example());
        plans.save("bob", "RGT", content, null);
        plans.save("bob", "RGT", content, 1L);
        plans.calls.clear();

        ConsoleOutput output = ConsoleOutput.run(importCommand(file));

        assertThat(output.err()).isEmpty();
        assertThat(plans.calls).containsExactly("save alice RGT expected 2");
    }

    @Test
    void refusesAMisspeltFieldWithOneLineNamingItAndSavesNothing() throws Exception {
        String json = PlanJsonTest.example().replace("\"linkedTo\": \"S1\"", "\"linkTo\": \"S1\"");
        Path file = Files.writeString(dir.resolve("plan.json"), json, StandardCharsets.UTF_8);

        ConsoleOutput output = ConsoleOutput.run(importCommand(file));

        assertThat(output.errLines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("Error: line ")
                .contains("measures[2].linkTo: unknown field at column ")
                .doesNotContain("Exception"));
        assertThat(output.out()).isEmpty();
        assertThat(plans.calls).isEmpty();
    }

    @Test
    void reportsAMissingFileInOneLine() throws Exception {
        ConsoleOutput output = ConsoleOutput.run(importCommand(dir.resolve("missing.json")));

        assertThat(output.errLines()).containsExactly("Error: no such file: " + dir.resolve("missing.json"));
        assertThat(plans.calls).isEmpty();
    }

    @Test
    void publishesWithTheWorkingCopysVersion() throws Exception {
        plans.save("bob", "RGT", PlanJson.parse(PlanJsonTest.example()), null);
        plans.calls.clear();
        PlanPublishCommand c = new PlanPublishCommand();
        c.planService = plans;
        c.in(FakeSession.of(null));
        c.ods = "RGT";

        ConsoleOutput output = ConsoleOutput.run(c);

        assertThat(plans.calls).containsExactly("publish karaf RGT expected 1");
        assertThat(output.outLines()).containsExactly("Published RGT plan version 1");
    }

    @Test
    void refusesToPublishWhenThereIsNoPlan() throws Exception {
        PlanPublishCommand c = new PlanPublishCommand();
        c.planService = plans;
        c.in(FakeSession.of("alice"));
        c.ods = "RJZ";

        ConsoleOutput output = ConsoleOutput.run(c);

        assertThat(output.errLines()).containsExactly("Error: no plan for member 'RJZ'");
        assertThat(plans.calls).isEmpty();
    }

    @Test
    void showsTheDriverDiagramWithItsLinks() throws Exception {
        plans.save("bob", "RGT", PlanJson.parse(PlanJsonTest.example()), null);
        PlanShowCommand c = new PlanShowCommand();
        c.planService = plans;
        c.in(FakeSession.of("alice"));
        c.ods = "RGT";

        ConsoleOutput output = ConsoleOutput.run(c);

        assertThat(output.err()).isEmpty();
        assertThat(output.row("Aim")).get().satisfies(cells -> assertThat(cells.get(1)).isEqualTo("aim"));
        assertThat(output.row("Secondary")).hasValueSatisfying(cells -> assertThat(cells.get(3)).isEqualTo("P1"));
        assertThat(output.out()).contains("Falls [falls], deteriorating-patient");
        assertThat(output.row("falls-per-1000")).hasValueSatisfying(cells -> assertThat(cells.subList(2, 8))
                .containsExactly("outcome", "per 1,000 bed days", "down", "1.8",
                        "1.4, then 1.1 from 2016-04-01, 0.9 from 2017-04-01", "aim"));
        assertThat(output.row("outreach-calls")).hasValueSatisfying(cells -> assertThat(cells.get(6)).isEmpty());
    }
}
