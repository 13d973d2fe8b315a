package uk.nhs.safety.campaign.api.spc;

/**
 * The kind of SPC chart a measure is drawn as, which decides how its centre line and limits are computed.
 *
 * @since 1.1
 */
public enum ChartType {
    /** Individuals and moving range: limits mean ± 2.66 × mean moving range. Values as recorded. */
    XMR(false),
    /**
     * Proportion: each value is a count of cases out of its denominator (cases ≤ denominator); the chart shows
     * x/n against p̄ = Σx/Σn with limits p̄ ± 3·√(p̄(1−p̄)/n), clipped to [0, 1].
     */
    P(true),
    /**
     * Rate: each value is a count of events over its denominator (bed days, admissions); the chart shows x/n
     * against ū = Σx/Σn with limits ū ± 3·√(ū/n), the lower clipped at 0.
     */
    U(true),
    /**
     * Time between rare events: each value is the time (e.g. days) since the previous event; an XmR chart of
     * t^(1/3.6) whose centre line and limits are transformed back with ^3.6 (lower limit not below 0).
     */
    T(false),
    /**
     * Opportunities (days, admissions) between rare events: centre ḡ (the mean), upper limit ḡ + 3·√(ḡ(ḡ+1)),
     * lower limit 0.
     */
    G(false);

    private final boolean needsDenominator;

    ChartType(boolean needsDenominator) {
        this.needsDenominator = needsDenominator;
    }

    /** True for the charts (p and u) whose every value needs a positive denominator. */
    public boolean needsDenominator() {
        return needsDenominator;
    }
}
