package uk.nhs.safety.campaign.api;

import java.util.List;

/**
 * A member's icon summary: every measure of one plan with its latest variation and assurance icons.
 *
 * @param odsCode     the member's ODS code
 * @param name        the member's name
 * @param region      the member's region, or {@code null} when unknown
 * @param planVersion the published plan version the measures come from, or {@code null} for the working copy
 * @param measures    one row per measure, in the plan's order (empty when there is no plan to show)
 * @since 1.3
 */
public record MemberIcons(String odsCode, String name, String region, Integer planVersion,
                          List<MeasureIcons> measures) {
    public MemberIcons {
        measures = List.copyOf(measures);
    }

    /** Whether the rows are the working copy's (shown to the member's editors only). */
    public boolean draft() {
        return planVersion == null;
    }
}
