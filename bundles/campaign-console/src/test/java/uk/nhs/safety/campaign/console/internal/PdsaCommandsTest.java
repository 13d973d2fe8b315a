package uk.nhs.safety.campaign.console.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import uk.nhs.safety.partner.testkit.ConsoleOutput;
import uk.nhs.safety.campaign.api.ValidationException;
import uk.nhs.safety.campaign.api.Violation;
import uk.nhs.safety.campaign.api.access.CallerAccess;
import uk.nhs.safety.campaign.api.pdsa.ChartNote;
import uk.nhs.safety.campaign.api.pdsa.PdsaCycle;
import uk.nhs.safety.campaign.api.pdsa.PdsaCycleInput;
import uk.nhs.safety.campaign.api.pdsa.PdsaDecision;
import uk.nhs.safety.campaign.api.pdsa.PdsaService;

class PdsaCommandsTest {

    /** Keeps cycles in a list; refuses a cycle without a prediction as core does. */
    private static final class FakePdsa implements PdsaService {
        final List<PdsaCycle> cycles = new ArrayList<>();
        final List<String> calls = new ArrayList<>();
        final List<CallerAccess> readers = new ArrayList<>();

        @Override
        public List<PdsaCycle> cycles(String odsCode, CallerAccess caller) {
            readers.add(caller);
            return List.copyOf(cycles);
        }

        @Override
        public PdsaCycle add(String actor, String odsCode, PdsaCycleInput cycle) {
            if (cycle.prediction() == null) {
                throw new ValidationException(Violation.of("prediction", null, "is required"));
            }
            calls.add("add " + actor + " " + odsCode + " " + cycle);
            PdsaCycle added = new PdsaCycle(odsCode, cycles.size() + 1, cycle, null, Instant.EPOCH, actor, 1);
            cycles.add(added);
            return added;
        }

        @Override
        public PdsaCycle update(String actor, String odsCode, String changeIdea, int number, PdsaCycleInput cycle,
                                long expectedVersion) {
            calls.add("update " + changeIdea + "#" + number + " at " + expectedVersion);
            PdsaCycle updated = new PdsaCycle(odsCode, number, cycle, null, Instant.EPOCH, actor, expectedVersion + 1);
            cycles.set(number - 1, updated);
            return updated;
        }

        @Override
        public ChartNote annotate(String actor, String odsCode, String measureKey, LocalDate period, String text) {
            calls.add("annotate " + odsCode + " " + measureKey + " " + period + " " + text);
            return text == null ? null : ChartNote.annotation(period, text);
        }

        @Override
        public List<ChartNote> chartNotes(String odsCode, String measureKey, CallerAccess caller) {
            return List.of();
        }
    }

    private final FakePdsa pdsa = new FakePdsa();

    private ConsoleOutput add(String prediction) throws Exception {
        PdsaAddCommand c = new PdsaAddCommand();
        c.pdsaService = pdsa;
        c.in(FakeSession.of("alice"));
        c.ods = "rgt";
        c.idea = "C1";
        c.plan = "Falls bundle on ward 5";
        c.owner = "Ward 5 sister";
        c.start = "2015-06-01";
        c.prediction = prediction;
        c.measures = "falls-per-1000, ";
        return ConsoleOutput.run(c);
    }

    @Test
    void recordsThePlanStageOfANewCycle() throws Exception {
        ConsoleOutput output = add("All admissions assessed within 6 hours");

        PdsaCycleInput in = pdsa.cycles.get(0).content();
        assertThat(in.plannedStart()).isEqualTo(LocalDate.of(2015, 6, 1));
        assertThat(in.measures()).containsExactly("falls-per-1000");
        assertThat(output.outLines()).containsExactly("Recorded PDSA cycle C1#1 for RGT (version 1)");
    }

    @Test
    void reportsAMissingPredictionAndRecordsNothing() throws Exception {
        ConsoleOutput output = add(null);

        assertThat(output.errLines()).containsExactly("Error: prediction: is required");
        assertThat(pdsa.cycles).isEmpty();
    }

    @Test
    void fillsInTheStudyAndActStagesKeepingThePlanAndUsingTheVersionRead() throws Exception {
        add("All admissions assessed within 6 hours");
        PdsaUpdateCommand c = new PdsaUpdateCommand();
        c.pdsaService = pdsa;
        c.in(FakeSession.of("alice"));
        c.ods = "RGT";
        c.idea = "C1";
        c.number = "1";
        c.done = "Used on 40 admissions";
        c.doneFrom = "2015-06-02";
        c.study = "34 of 40 in time";
        c.decision = "adapt";

        ConsoleOutput output = ConsoleOutput.run(c);

        PdsaCycleInput in = pdsa.cycles.get(0).content();
        assertThat(in.plan()).isEqualTo("Falls bundle on ward 5");
        assertThat(in.decision()).isEqualTo(PdsaDecision.ADAPT);
        assertThat(in.doneFrom()).isEqualTo(LocalDate.of(2015, 6, 2));
        assertThat(pdsa.calls).last().isEqualTo("update C1#1 at 1");
        assertThat(output.outLines()).containsExactly("Updated PDSA cycle C1#1 for RGT, now at Act: adapt (version 2)");
    }

    @Test
    void listsCyclesWithTheirStages() throws Exception {
        add("All admissions assessed within 6 hours");
        PdsaListCommand c = new PdsaListCommand();
        c.pdsaService = pdsa;
        c.in(FakeSession.of("alice"));
        c.ods = "rgt";

        ConsoleOutput output = ConsoleOutput.run(c);

        assertThat(output.out()).contains("C1#1", "Falls bundle on ward 5", "Predicts:",
                "falls-per-1000");
        assertThat(pdsa.readers.get(0).admin()).isTrue();
    }

    @Test
    void annotatesAPeriodAndDeletesTheNoteButRefusesANoteWithDelete() throws Exception {
        MeasureAnnotateCommand set = annotate("2015-05", "new falls bundle on ward 5", false);
        MeasureAnnotateCommand both = annotate("2015-05", "text", true);
        MeasureAnnotateCommand delete = annotate("2015-05", null, true);

        assertThat(ConsoleOutput.run(set).outLines())
                .containsExactly("Noted on RGT falls-per-1000 2015-05: new falls bundle on ward 5");
        assertThat(ConsoleOutput.run(both).errLines()).containsExactly("Error: text 'text': is not taken with --delete");
        assertThat(ConsoleOutput.run(delete).outLines()).containsExactly("Deleted the note on RGT falls-per-1000 2015-05");
        assertThat(pdsa.calls).containsExactly(
                "annotate RGT falls-per-1000 2015-05-01 new falls bundle on ward 5",
                "annotate RGT falls-per-1000 2015-05-01 null");
    }

    private MeasureAnnotateCommand annotate(String period, String text, boolean delete) {
        MeasureAnnotateCommand c = new MeasureAnnotateCommand();
        c.pdsaService = pdsa;
        c.in(FakeSession.of("alice"));
        c.ods = "rgt";
        c.measure = "falls-per-1000";
        c.period = period;
        c.text = text;
        c.delete = delete;
        return c;
    }
}
