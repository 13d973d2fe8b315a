package uk.nhs.safety.campaign.console.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import uk.nhs.safety.campaign.api.ChangeIdea;
import uk.nhs.safety.campaign.api.DriverDiagram;
import uk.nhs.safety.campaign.api.Measure;
import uk.nhs.safety.campaign.api.MeasureType;
import uk.nhs.safety.campaign.api.PlanContent;
import uk.nhs.safety.campaign.api.PrimaryDriver;
import uk.nhs.safety.campaign.api.SecondaryDriver;
import uk.nhs.safety.campaign.api.ValidationException;
import uk.nhs.safety.campaign.api.Violation;
import uk.nhs.safety.campaign.api.spc.ImprovementDirection;
import uk.nhs.safety.campaign.api.spc.TargetStep;

class PlanJsonTest {

    static String example() throws IOException {
        try (InputStream in = PlanJsonTest.class.getResourceAsStream("/example-plan.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void readsEveryDemoPlanAsSafetyPlanImportWould() throws IOException {
        // the demo content (bundle campaign-demo) keeps its plans in the plan-import format: each one imports by hand
        List<String> members;
        try (InputStream in = PlanJsonTest.class.getResourceAsStream("/demo/members.txt")) {
            members = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        }
        assertThat(members).hasSize(6);
        for (String ods : members) {
            try (InputStream in = PlanJsonTest.class.getResourceAsStream("/demo/plans/" + ods + ".json")) {
                PlanContent plan = PlanJson.parse(new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                assertThat(plan.title()).as(ods).startsWith("[DEMO] ");
                assertThat(plan.measures()).as(ods).isNotEmpty();
            }
        }
    }

    @Test
    void readsTheDocumentedExamplePlan() throws IOException {
        PlanContent plan = PlanJson.parse(new StringReader(example()));

        assertThat(plan.title()).startsWith("Safer care 2015-2018");
        assertThat(plan.periodStart()).isEqualTo(LocalDate.of(2015, 4, 1));
        // a three-year plan ends the day before the third anniversary of its start
        assertThat(plan.periodEnd()).isEqualTo(plan.periodStart().plusYears(3).minusDays(1));
        assertThat(plan.focusAreas()).containsExactly("falls", "deteriorating-patient");

        DriverDiagram d = plan.diagram();
        assertThat(d.aim()).isNotBlank();
        assertThat(d.primaryDrivers()).extracting(PrimaryDriver::key).containsExactly("P1", "P2", "P3");
        assertThat(d.secondaryDrivers()).hasSize(5);
        assertThat(d.changeIdeas()).hasSize(5);
        assertThat(d.secondaryDrivers().get(4).primaryKeys()).containsExactly("P1", "P2", "P3");

        // every link in the example points at something that exists, so the example also passes core validation
        Set<String> primaries = keys(d.primaryDrivers().stream().map(PrimaryDriver::key).toList());
        Set<String> secondaries = keys(d.secondaryDrivers().stream().map(SecondaryDriver::key).toList());
        for (SecondaryDriver s : d.secondaryDrivers()) {
            assertThat(s.primaryKeys()).isNotEmpty().allMatch(primaries::contains);
        }
        for (ChangeIdea c : d.changeIdeas()) {
            assertThat(c.secondaryKeys()).isNotEmpty().allMatch(secondaries::contains);
        }
        Set<String> linkable = new HashSet<>(primaries);
        linkable.addAll(secondaries);
        linkable.add(DriverDiagram.AIM);
        assertThat(plan.measures()).extracting(Measure::linkedTo).allMatch(linkable::contains);
        assertThat(plan.measures()).extracting(Measure::key).doesNotHaveDuplicates();
        assertThat(plan.measures()).extracting(Measure::type).contains(MeasureType.OUTCOME, MeasureType.PROCESS,
                MeasureType.BALANCING);

        Measure falls = plan.measures().get(0);
        assertThat(falls.key()).isEqualTo("falls-per-1000");
        assertThat(falls.direction()).isEqualTo(ImprovementDirection.DOWN);
        assertThat(falls.baseline()).isEqualTo(1.8);
        // a trajectory: 1.4 in the plan's first year, then 1.1, then 0.9 in its last year
        assertThat(falls.target()).isEqualTo(1.4);
        assertThat(falls.targets()).containsExactly(new TargetStep(1.1, LocalDate.of(2016, 4, 1)),
                new TargetStep(0.9, LocalDate.of(2017, 4, 1)));
        assertThat(falls.targetOn(LocalDate.of(2017, 3, 1))).isEqualTo(1.1);
        assertThat(plan.measures().get(4).target()).isNull();
    }

    @Test
    void rejectsMisspeltFieldNamingItsPathLineAndColumn() throws IOException {
        String json = example().replaceFirst("\"text\": \"Every patient's", "\"txt\": \"Every patient's");
        int line = lineOf(json, "\"txt\"");
        int column = json.lines().toList().get(line - 1).indexOf("\"txt\"") + 1;

        Violation v = violation(json);

        assertThat(v.field()).isEqualTo("diagram.primaryDrivers[0].txt");
        assertThat(v.line()).isEqualTo(line);
        assertThat(v.message()).startsWith("unknown field").contains("key, text");
        assertThat(columnIn(v.message())).isEqualTo(column);
    }

    @Test
    void rejectsImpossibleDateNamingFieldAndValue() throws IOException {
        String json = example().replace("\"periodStart\": \"2015-04-01\"", "\"periodStart\": \"2015-13-01\"");

        Violation v = violation(json);

        assertThat(v.field()).isEqualTo("periodStart");
        assertThat(v.value()).isEqualTo("2015-13-01");
        assertThat(v.line()).isEqualTo(lineOf(json, "periodStart"));
        assertThat(v.message()).contains("date (yyyy-mm-dd)");
    }

    @Test
    void rejectsUnknownMeasureTypeListingTheChoices() throws IOException {
        String json = example().replaceFirst("\"type\": \"process\"", "\"type\": \"proces\"");

        Violation v = violation(json);

        assertThat(v.field()).isEqualTo("measures[2].type");
        assertThat(v.value()).isEqualTo("proces");
        assertThat(v.message()).contains("outcome, process, balancing");
    }

    @Test
    void rejectsTextWhereAListBelongs() throws IOException {
        String json = example().replace("\"focusAreas\": [\"falls\", \"deteriorating-patient\"]",
                "\"focusAreas\": \"falls\"");

        Violation v = violation(json);

        assertThat(v.field()).isEqualTo("focusAreas");
        assertThat(v.line()).isEqualTo(lineOf(json, "focusAreas"));
        assertThat(v.message()).startsWith("expected a list at column ");
    }

    @Test
    void rejectsBrokenSyntaxAtItsLine() throws IOException {
        String json = example().replace("\"periodEnd\": \"2018-03-31\",", "\"periodEnd\": \"2018-03-31\"");

        Violation v = violation(json);

        assertThat(v.line()).isEqualTo(lineOf(json, "focusAreas"));
        assertThat(v.message()).contains("column");
    }

    @Test
    void rejectsAnEmptyDocument() {
        Violation v = violation("   ");
        assertThat(v.line()).isEqualTo(1);
        assertThat(v.field()).isEqualTo("plan");
    }

    private static Violation violation(String json) {
        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> PlanJson.parse(new StringReader(json)));
        assertThat(e).as("refused").isNotNull();
        assertThat(e.violations()).hasSize(1);
        assertThat(e.getMessage()).doesNotContain("\n");
        return e.violations().get(0);
    }

    private static int lineOf(String json, String needle) {
        List<String> lines = json.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(needle)) {
                return i + 1;
            }
        }
        throw new AssertionError(needle + " not in the document");
    }

    private static int columnIn(String message) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("column (\\d+)").matcher(message);
        assertThat(m.find()).as("message names a column: " + message).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private static Set<String> keys(List<String> keys) {
        return new HashSet<>(keys);
    }
}
