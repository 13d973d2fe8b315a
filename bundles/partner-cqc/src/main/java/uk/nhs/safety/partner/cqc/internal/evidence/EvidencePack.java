package uk.nhs.safety.partner.cqc.internal.evidence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import uk.nhs.safety.campaign.api.ActionStatus;
import uk.nhs.safety.campaign.api.spc.Assurance;
import uk.nhs.safety.campaign.api.spc.ImprovementDirection;
import uk.nhs.safety.campaign.api.spc.Variation;

/**
 * A member's inspection evidence for one period, arranged by CQC key question and quality statement. Serialised as
 * JSON it follows {@code schema/evidence-pack.schema.json}.
 *
 * @param odsCode      the member
 * @param memberName   its name
 * @param framework    the framework version the pack is arranged by
 * @param period       the period covered
 * @param generatedAt  when the pack was built
 * @param plan         the plan version published by the end of the period, or {@code null} when none was
 * @param keyQuestions every key question and statement, in the framework's order, with the evidence for each
 * @param gaps         the statements with no evidence
 * @param unmapped     items that no rule maps to a statement: listed, never dropped
 */
public record EvidencePack(String odsCode, String memberName, FrameworkRef framework, Period period,
                           Instant generatedAt, PlanRef plan, List<KeyQuestionEvidence> keyQuestions, List<Gap> gaps,
                           List<Item> unmapped) {
    public EvidencePack {
        keyQuestions = List.copyOf(keyQuestions);
        gaps = List.copyOf(gaps);
        unmapped = List.copyOf(unmapped);
    }

    /** The framework version a pack follows. */
    public record FrameworkRef(String version, String title) {
    }

    /** A period of whole days, both ends included. */
    public record Period(LocalDate from, LocalDate to) {
    }

    /**
     * The published plan version the plan items come from.
     *
     * @param version     its version number
     * @param publishedAt when it was published
     */
    public record PlanRef(int version, String title, Instant publishedAt, LocalDate periodStart, LocalDate periodEnd,
                          String aim, List<String> focusAreas) {
        public PlanRef {
            focusAreas = List.copyOf(focusAreas);
        }
    }

    /** A key question with its statements. */
    public record KeyQuestionEvidence(String id, String name, List<StatementEvidence> statements) {
        public KeyQuestionEvidence {
            statements = List.copyOf(statements);
        }
    }

    /** A quality statement with its evidence; {@code gap} is true when there is none. */
    public record StatementEvidence(String id, String name, boolean gap, List<Item> items) {
        public StatementEvidence {
            items = List.copyOf(items);
        }
    }

    /** A statement with no evidence. */
    public record Gap(String id, String name, String keyQuestion) {
    }

    /**
     * One piece of evidence.
     *
     * @param kind        the kind of item ({@code action}, {@code change-idea}, {@code outcome-measure}, …)
     * @param key         the action's id or the plan item's key
     * @param text        what it says (a measure's name)
     * @param category    the evidence category id
     * @param pledge      the pledge number (actions only)
     * @param status      the action's status (actions only)
     * @param dueDate     the action's due date, if any
     * @param publishedAt when the action was published (actions only)
     * @param spc         the measure's statistical process control summary (measures only)
     */
    public record Item(String kind, String key, String text, String category, Integer pledge, ActionStatus status,
                       LocalDate dueDate, Instant publishedAt, SpcSummary spc) {
    }

    /**
     * What a measure's XmR chart says, not raw numbers alone.
     *
     * @param unit          unit of the values
     * @param direction     which way is better
     * @param target        the target, if any
     * @param points        values recorded within the period
     * @param latestPeriod  the latest period within the period covered, or {@code null} when none
     * @param latestValue   its value
     * @param variation     its variation icon
     * @param assurance     the assurance icon against the target, on the latest limits
     * @param provisional   whether the latest limits are provisional (too few points)
     */
    public record SpcSummary(String unit, ImprovementDirection direction, Double target, int points,
                             LocalDate latestPeriod, Double latestValue, Variation variation, Assurance assurance,
                             boolean provisional) {
    }
}
