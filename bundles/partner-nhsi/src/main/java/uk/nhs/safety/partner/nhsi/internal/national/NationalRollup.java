package uk.nhs.safety.partner.nhsi.internal.national;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import uk.nhs.safety.campaign.api.spc.SpcResult;

/**
 * The national roll-up, public: progress towards the campaign's headline goals. Its JSON is read by the web
 * dashboard: keep the field names.
 *
 * @param catalogueVersion the catalogue version in force
 * @param asOf             the day it was computed (yyyy-mm-dd)
 * @param dataTo           the latest month with incident data (yyyy-mm), or null
 * @param headline         the headline figures: members signed up, plans published, harm reduction, lives saved
 * @param series           the national monthly series, each with its SPC analysis
 * @param method           how the estimates are made and with which assumptions
 */
public record NationalRollup(String catalogueVersion, String asOf, String dataTo, List<Headline> headline,
                             List<Series> series, Method method) {
    public NationalRollup {
        headline = List.copyOf(headline);
        series = List.copyOf(series);
    }

    /**
     * One headline figure.
     *
     * @param key   stable key
     * @param label label
     * @param value the figure, or null when there is no data for it
     * @param unit  its unit
     * @param note  one sentence on what it counts
     */
    public record Headline(String key, String label, Number value, String unit, String note) {
    }

    /**
     * One national series.
     *
     * @param key         stable key
     * @param label       label
     * @param unit        unit of the values
     * @param improvement which way is better: up, down or neutral
     * @param points      the points, oldest first
     * @param spc         the XmR analysis, the same shape as core's for a plan measure
     */
    public record Series(String key, String label, String unit, String improvement, List<Point> points,
                         SpcResult spc) {
        public Series {
            points = List.copyOf(points);
        }
    }

    /**
     * A point of a series.
     *
     * @param period the month, yyyy-mm
     * @param value  the value
     * @param total  the running total, for series of monthly additions (else null, and left out of the JSON)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Point(String period, double value, Long total) {
    }

    /**
     * The method.
     *
     * @param livesSaved    how the lives-saved estimate is made
     * @param harmReduction how the avoidable-harm reduction is measured
     * @param assumptions   the configurable assumptions, by name
     */
    public record Method(String livesSaved, String harmReduction, Map<String, Object> assumptions) {
        public Method {
            // In the order given (Map.copyOf would shuffle it), and unmodifiable.
            assumptions = Collections.unmodifiableMap(new LinkedHashMap<>(assumptions));
        }
    }

    /** The lives-saved method, in words. */
    public static final String LIVES_METHOD = "For each member with incident data in the baseline months: its"
            + " baseline is its mean monthly incidents reported as death (D) and as severe harm (S) over the baseline"
            + " months it reported. For every later month it reported, up to the latest month with data, deaths"
            + " avoided = D - that month's deaths and severe harm avoided = S - that month's severe harm (a month worse"
            + " than baseline counts against). Lives saved = deathFraction x deaths avoided + severeFraction x severe"
            + " harm avoided, summed over months and members. Assumes reported harm tracks actual harm and that the"
            + " given fractions of avoided deaths and severe harm are lives saved.";

    /** The harm-reduction method, in words. */
    public static final String HARM_METHOD = "Avoidable harm = incidents reported as moderate harm, severe harm or"
            + " death. For each member with data in both the baseline months and the current window (the"
            + " windowMonths months up to the latest month with data, after the baseline): B = mean monthly avoidable"
            + " harm at baseline, C = mean monthly avoidable harm in the window. Reduction = (sum B - sum C) / sum B x"
            + " 100; the goal is harmGoalPercent (50: halve it).";
}
