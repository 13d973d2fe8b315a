package uk.nhs.safety.campaign.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import uk.nhs.safety.campaign.api.access.CallerAccess;

/** Members' safety improvement plans. Thread-safe; every write is one transaction and is audited. */
@ProviderType
public interface PlanService {

    /** The member's working plan, if it has one. */
    Optional<SafetyPlan> plan(String odsCode);

    /**
     * The plan content this caller may see, the platform's one draft rule: the working copy for callers who may edit
     * the member ({@link CallerAccess#mayEdit}), the latest published version for everyone else; empty when there is
     * none.
     */
    Optional<PlanContent> visibleContent(String odsCode, CallerAccess caller);

    /** A published version; {@link NotFoundException} if there is no such version. */
    PlanVersion version(String odsCode, int number);

    /** Every published version, oldest first (content included). */
    List<PlanVersion> versions(String odsCode);

    /**
     * The member's latest published version, what the public sees as its plan; empty when it has never published
     * one. Drafts (the working copy) are never returned: read them with {@link #plan} where the caller may.
     * {@link NotFoundException} if there is no such member.
     *
     * <p>The default reads every version; core reads only the latest.
     *
     * @since 1.2
     */
    default Optional<PlanVersion> latestPublished(String odsCode) {
        List<PlanVersion> all = versions(odsCode);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /**
     * Validates and stores the whole plan content as the working copy. The diagram must have an aim, every link
     * must point to an existing driver, focus areas must be in the vocabulary and measure keys unique; otherwise a
     * {@link ValidationException} lists every problem and nothing changes.
     *
     * @param expectedVersion the working copy's version last read, or {@code null} to create the member's first plan
     */
    SafetyPlan save(String actor, String odsCode, PlanContent content, Long expectedVersion);

    /**
     * Publishes the working copy as a new immutable version and publishes a plan-published event. Publishing an
     * unchanged plan again is refused.
     */
    PlanVersion publish(String actor, String odsCode, long expectedVersion);

    /** The focus-area vocabulary. */
    List<FocusArea> focusAreas();

    /** Extends the focus-area vocabulary. */
    FocusArea addFocusArea(String actor, FocusArea area);
}
