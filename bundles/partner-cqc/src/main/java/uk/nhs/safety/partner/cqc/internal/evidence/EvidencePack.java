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
 * @param registrations the member's CQC providers and locations with their current ratings (from imported CQC
 *                      data; empty when none was imported)
 * @param unavailableSources partners whose evidence could not be read this time (each with the reason)
 */
public record EvidencePack(String odsCode, String memberName, FrameworkRef framework, Period period,
                           Instant generatedAt, PlanRef plan, List<KeyQuestionEvidence> keyQuestions, List<Gap> gaps,
                           List<Item> unmapped, List<CqcRegistration> registrations,
                           List<String> unavailableSources) {
    public EvidencePack {
        keyQuestions = List.copyOf(keyQuestions);
        gaps = List.copyOf(gaps);
        unmapped = List.copyOf(unmapped);
        registrations = registrations == null ? List.of() : List.copyOf(registrations);
        unavailableSources = unavailableSources == null ? List.of() : List.copyOf(unavailableSources);
    }

    /** A pack without CQC registrations and with every source available. */
    public EvidencePack(String odsCode, String memberName, FrameworkRef framework, Period period, Instant generatedAt,
                        PlanRef plan, List<KeyQuestionEvidence> keyQuestions, List<Gap> gaps, List<Item> unmapped) {
        this(odsCode, memberName, framework, period, generatedAt, plan, keyQuestions, gaps, unmapped, List.of(),
                List.of());
    }

    /**
     * A CQC provider or location of the member, as CQC's data says now.
     *
     * @param cqcId              CQC's provider or location id
     * @param kind               {@code provider} or {@code location}
     * @param name               its name
     * @param odsCode            its ODS code (the trust, or a site)
     * @param registrationStatus {@code Registered} or {@code Deregistered}, or {@code null}
     * @param overallRating      its current overall rating, or {@code null}
     * @param reportDate         the date of that rating's report, or {@code null}
     */
    public record CqcRegistration(String cqcId, String kind, String name, String odsCode, String registrationStatus,
                                  String overallRating, LocalDate reportDate) {
    }

    /**
     * A key question's current CQC rating, shown beside the evidence for it.
     *
     * @param rating     as CQC spells it ({@code Good}, {@code Requires improvement}, …)
     * @param reportDate the report it comes from, or {@code null}
     * @param cqcId      the provider (or the single location) rated
     */
    public record CurrentRating(String rating, LocalDate reportDate, String cqcId) {
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

    /** A key question with its statements and, when CQC data was imported, its current rating. */
    public record KeyQuestionEvidence(String id, String name, List<StatementEvidence> statements,
                                      CurrentRating currentRating) {
        public KeyQuestionEvidence {
            statements = List.copyOf(statements);
        }

        /** Without a current rating. */
        public KeyQuestionEvidence(String id, String name, List<StatementEvidence> statements) {
            this(id, name, statements, null);
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
     * @param source      the partner that contributed the item, or {@code null} for the member's own actions and plan
     * @param mapping     {@code override} when a per-item override chose its statements, {@code null} for the default
     *                    rules
     */
    public record Item(String kind, String key, String text, String category, Integer pledge, ActionStatus status,
                       LocalDate dueDate, Instant publishedAt, SpcSummary spc, String source, String mapping) {

        /** One of the member's own items, mapped by the default rules. */
        public Item(String kind, String key, String text, String category, Integer pledge, ActionStatus status,
                    LocalDate dueDate, Instant publishedAt, SpcSummary spc) {
            this(kind, key, text, category, pledge, status, dueDate, publishedAt, spc, null, null);
        }

        /** The same item, marked as mapped by a per-item override. */
        public Item overridden() {
            return new Item(kind, key, text, category, pledge, status, dueDate, publishedAt, spc, source, "override");
        }
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
