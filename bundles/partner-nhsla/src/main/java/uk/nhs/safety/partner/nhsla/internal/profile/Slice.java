package uk.nhs.safety.partner.nhsla.internal.profile;

/**
 * Claims in one area (a specialty, cause or scheme): how many and what they cost.
 *
 * @param key        the area
 * @param claims     number of claims
 * @param valuePence damages and costs paid, in pence
 */
public record Slice(String key, long claims, long valuePence) {

    /** Which figure an area rule ranks by. */
    public enum Metric {
        COUNT, VALUE;

        long of(Slice s) {
            return this == COUNT ? s.claims() : s.valuePence();
        }
    }
}
