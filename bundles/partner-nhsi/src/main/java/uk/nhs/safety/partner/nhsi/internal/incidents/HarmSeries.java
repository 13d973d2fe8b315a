package uk.nhs.safety.partner.nhsi.internal.incidents;

import java.util.List;

import uk.nhs.safety.campaign.api.spc.SpcResult;

/**
 * A member's moderate-or-worse harm, month by month, as a measure its plan can use: lower is better, analysed as an
 * XmR chart (the {@code spc} has the shape of core's measure analysis).
 *
 * @param odsCode     the member
 * @param name        the member's name
 * @param measure     a measure key a plan can adopt for it
 * @param definition  the operational definition
 * @param unit        the unit
 * @param improvement which way is better (down)
 * @param points      the months, oldest first
 * @param spc         the XmR analysis of the moderate-or-worse values
 */
public record HarmSeries(String odsCode, String name, String measure, String definition, String unit,
                         String improvement, List<Point> points, SpcResult spc) {
    public HarmSeries {
        points = List.copyOf(points);
    }

    /** The operational definition. */
    public static final String DEFINITION = "Patient safety incidents the member reported to the national reporting"
            + " system in the month with a degree of harm of moderate, severe or death (imported by NHS Improvement)";

    /**
     * One month.
     *
     * @param period          yyyy-mm
     * @param moderateOrWorse moderate + severe + death: the measure's value
     * @param moderate        moderate harm
     * @param severe          severe harm
     * @param death           death
     * @param total           every incident reported in the month
     */
    public record Point(String period, long moderateOrWorse, long moderate, long severe, long death, long total) {
    }
}
