package uk.nhs.safety.campaign.api.pdsa;

import java.time.LocalDate;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import uk.nhs.safety.campaign.api.access.CallerAccess;

/**
 * PDSA cycles of members' change ideas, and annotations of measure periods. Thread-safe; every write validates
 * first ({@link uk.nhs.safety.campaign.api.ValidationException} naming each field at fault, nothing changed), is one
 * transaction with its audit entry; a cycle's update passes the version last read ({@link
 * uk.nhs.safety.campaign.api.StaleVersionException} otherwise). Writes are for the member's editors: the HTTP API
 * and console decide that with {@link CallerAccess#mayEdit}.
 */
@ProviderType
public interface PdsaService {

    /**
     * The member's cycles this caller may see, by change idea then number: those of the change ideas in the plan
     * content the caller may see ({@link uk.nhs.safety.campaign.api.PlanService#visibleContent}).
     *
     * @throws uk.nhs.safety.campaign.api.NotFoundException when there is no such member
     */
    List<PdsaCycle> cycles(String odsCode, CallerAccess caller);

    /** Records a new cycle, numbered after the change idea's last one. */
    PdsaCycle add(String actor, String odsCode, PdsaCycleInput cycle);

    /** Replaces a cycle's content (its change idea stays). */
    PdsaCycle update(String actor, String odsCode, String changeIdea, int number, PdsaCycleInput cycle,
                     long expectedVersion);

    /**
     * Sets the annotation of a measured period of a measure in the member's current plan, replacing any; a
     * {@code null} or blank text deletes it.
     *
     * @return the annotation, or {@code null} when deleted
     */
    ChartNote annotate(String actor, String odsCode, String measureKey, LocalDate period, String text);

    /**
     * What to show on a measure's chart, by period: its annotations and the markers of the visible cycles linked to
     * it (a cycle that started before the first value has no period and is listed only).
     *
     * @throws uk.nhs.safety.campaign.api.NotFoundException when the caller may see no such measure
     */
    List<ChartNote> chartNotes(String odsCode, String measureKey, CallerAccess caller);
}
