package uk.nhs.safety.partner.cqc.internal.export;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import uk.nhs.safety.campaign.api.ActionStatus;
import uk.nhs.safety.campaign.api.spc.Assurance;
import uk.nhs.safety.campaign.api.spc.ImprovementDirection;
import uk.nhs.safety.campaign.api.spc.Variation;
import uk.nhs.safety.partner.cqc.internal.evidence.EvidencePack;
import uk.nhs.safety.partner.cqc.internal.evidence.EvidencePack.Gap;
import uk.nhs.safety.partner.cqc.internal.evidence.EvidencePack.Item;
import uk.nhs.safety.partner.cqc.internal.evidence.EvidencePack.KeyQuestionEvidence;
import uk.nhs.safety.partner.cqc.internal.evidence.EvidencePack.StatementEvidence;

/** A small hand-made pack with awkward text (commas, quotes, newlines, markup) for the format tests. */
final class Packs {

    static final String COMMA_TEXT = "Falls bundle, \"lying and standing\" BP";
    static final String NEWLINE_TEXT = "Line one\nline two";
    static final String SCRIPT_TEXT = "<script>alert('x')</script> & more";

    static final Item ACTION = new Item("action", "1", COMMA_TEXT, "processes", 1, ActionStatus.IN_PROGRESS,
            LocalDate.of(2025, 12, 31), Instant.parse("2024-09-01T09:00:00Z"), null);
    static final Item SCRIPT_ACTION = new Item("action", "7", SCRIPT_TEXT, "processes", 3, ActionStatus.DONE, null,
            Instant.parse("2025-02-01T09:00:00Z"), null);
    static final Item MEASURE = new Item("outcome-measure", "falls-per-1000", NEWLINE_TEXT, "outcomes", null, null,
            null, null, new EvidencePack.SpcSummary("per 1,000 bed days", ImprovementDirection.DOWN, 5.0, 4,
            LocalDate.of(2025, 2, 1), 4.1, Variation.IMPROVEMENT_LOW, Assurance.CONSISTENTLY_PASSES, false));
    static final Item UNMAPPED = new Item("primary-driver", "P1", "Reliable risk assessment", "processes", null, null,
            null, null, null);

    private Packs() {
    }

    static EvidencePack pack() {
        return new EvidencePack("RGT", "Cambridge University Hospitals NHS Foundation Trust",
                new EvidencePack.FrameworkRef("2023", "CQC single assessment framework"),
                new EvidencePack.Period(LocalDate.of(2024, 12, 1), LocalDate.of(2025, 3, 31)),
                Instant.parse("2025-04-15T12:00:00Z"),
                new EvidencePack.PlanRef(2, "Safer care 2024-27", Instant.parse("2025-01-10T10:00:00Z"),
                        LocalDate.of(2024, 4, 1), LocalDate.of(2027, 3, 31), "Halve falls with harm",
                        List.of("falls", "medication-safety")),
                List.of(new KeyQuestionEvidence("safe", "Safe", List.of(
                                new StatementEvidence("safe.safe-systems", "Safe systems, pathways and transitions",
                                        false, List.of(ACTION, MEASURE)),
                                new StatementEvidence("safe.infection-prevention-and-control",
                                        "Infection prevention and control", true, List.of()))),
                        new KeyQuestionEvidence("well-led", "Well-led", List.of(
                                new StatementEvidence("well-led.learning-improvement-and-innovation",
                                        "Learning, improvement and innovation", false, List.of(SCRIPT_ACTION))))),
                List.of(new Gap("safe.infection-prevention-and-control", "Infection prevention and control", "Safe")),
                List.of(UNMAPPED));
    }
}
