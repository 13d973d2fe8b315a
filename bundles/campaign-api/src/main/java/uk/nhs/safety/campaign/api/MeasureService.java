package uk.nhs.safety.campaign.api;

import java.time.LocalDate;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import uk.nhs.safety.campaign.api.access.CallerAccess;

/** Measurements of plan measures, and their SPC analysis. Thread-safe; writes are transactional and audited. */
@ProviderType
public interface MeasureService {

    /**
     * Records the value of a measure of the member's current plan for a period; recording a period again replaces
     * the value (the old one stays in the audit trail). Publishes a measurement-recorded event.
     */
    Measurement record(String actor, String odsCode, String measureKey, LocalDate period, double value,
                       String annotation);

    /**
     * Records a value with its denominator (patients, admissions, bed days), as p and u charts need: for such a
     * measure the denominator is required and positive, the value a count not above it (p). Otherwise as
     * {@link #record(String, String, String, LocalDate, double, String)}.
     *
     * @param denominator the denominator, or {@code null}
     * @since 1.2
     */
    default Measurement record(String actor, String odsCode, String measureKey, LocalDate period, double value,
                               Double denominator, String annotation) {
        if (denominator != null) {
            throw new UnsupportedOperationException("this measure service records no denominators");
        }
        return record(actor, odsCode, measureKey, period, value, annotation);
    }

    /** The measure's values, oldest period first. */
    List<Measurement> measurements(String odsCode, String measureKey);

    /**
     * The measure, its values and their analysis as the measure's chart type under its rule profile (limits,
     * special causes, variation, assurance).
     */
    MeasureProgress progress(String odsCode, String measureKey);

    /**
     * The measure as this caller may see it ({@link PlanService#visibleContent}: the working copy's definition for its
     * editors, the latest published one for everyone else), with its values and their XmR analysis, so that no draft
     * change (a new target, a moved re-baseline) shows through. A re-baseline date starts a phase at the first
     * measured period on or after it; dates with no later values, or that would start a phase at the very first value,
     * do not apply yet.
     *
     * @throws NotFoundException when the member does not exist or has no such measure in a plan the caller may see
     */
    MeasureProgress progress(String odsCode, String measureKey, CallerAccess caller);

    /**
     * Every measure of the plan this caller may see ({@link PlanService#visibleContent}: the working copy for the
     * member's editors, the latest published version for everyone else), in the plan's order, each with its values
     * and their analysis as {@link #progress(String, String, CallerAccess)} gives it; read in one transaction (one
     * query for all the values) rather than one call per measure. Empty when there is no such plan.
     *
     * @throws NotFoundException when there is no such member
     * @since 1.3
     */
    default List<MeasureProgress> allProgress(String odsCode, CallerAccess caller) {
        throw new UnsupportedOperationException("this measure service analyses one measure at a time");
    }

    /**
     * The member's icon summary: every measure of the plan this caller may see ({@link PlanService#visibleContent}:
     * the working copy for the member's editors, the latest published version for everyone else), each analysed as
     * {@link #progress(String, String, CallerAccess)} does, with its latest icons. No rows when there is no such plan.
     *
     * @throws NotFoundException when there is no such member
     * @since 1.3
     */
    default MemberIcons icons(String odsCode, CallerAccess caller) {
        throw new UnsupportedOperationException("this measure service gives no icon summary");
    }

    /**
     * The national icon summary: the measures of every member's latest published plan (members that have published
     * none are left out), grouped by region. Drafts never show.
     *
     * @since 1.3
     */
    default IconSummary nationalIcons() {
        throw new UnsupportedOperationException("this measure service gives no icon summary");
    }
}
