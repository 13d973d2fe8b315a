package uk.nhs.safety.partner.nhsla.internal.profile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * How a member's high-volume (by count) and high-value (by value) specialties are chosen from its claims.
 *
 * <ul>
 *   <li>{@code cumulative} (the default, threshold 80): the smallest set of areas, largest first, that together
 *       hold at least threshold % of the count (or value);</li>
 *   <li>{@code share}: every area holding at least threshold % on its own;</li>
 *   <li>{@code top}: the threshold largest areas (threshold read as a number of areas).</li>
 * </ul>
 * Ties are broken by name so the answer is stable.
 *
 * @param kind      cumulative, share or top
 * @param threshold a percentage (cumulative, share) or a count (top)
 */
public record AreaRule(Kind kind, int threshold) {

    /** The kinds of rule. */
    public enum Kind { CUMULATIVE, SHARE, TOP }

    public AreaRule {
        if (kind == Kind.TOP ? threshold < 1 : threshold < 1 || threshold > 100) {
            throw new IllegalArgumentException("area rule threshold " + threshold + " is out of range for " + kind);
        }
    }

    /** Reads a rule kind name, case-insensitive. */
    public static AreaRule of(String kind, int threshold) {
        return new AreaRule(Kind.valueOf(kind.trim().toUpperCase(Locale.ROOT)), threshold);
    }

    /** The rule in words, for every answer that uses it. */
    public String describe() {
        return switch (kind) {
            case CUMULATIVE -> "smallest set of specialties, largest first, covering at least " + threshold
                    + "% of the member's claims (by count for high-volume, by value for high-value)";
            case SHARE -> "every specialty holding at least " + threshold + "% of the member's claims"
                    + " (by count for high-volume, by value for high-value)";
            case TOP -> "the " + threshold + " largest specialties (by count for high-volume, by value for high-value)";
        };
    }

    /** The chosen areas, largest first. */
    public List<String> select(List<Slice> slices, Slice.Metric metric) {
        long total = slices.stream().mapToLong(metric::of).sum();
        List<Slice> sorted = new ArrayList<>(slices);
        sorted.sort(Comparator.comparingLong(metric::of).reversed().thenComparing(Slice::key));
        List<String> chosen = new ArrayList<>();
        if (total == 0) {
            return chosen;
        }
        long sum = 0;
        for (Slice s : sorted) {
            long v = metric.of(s);
            if (v == 0) {
                break;
            }
            switch (kind) {
                case CUMULATIVE -> {
                    if (sum * 100 >= (long) threshold * total) {
                        return chosen;
                    }
                    chosen.add(s.key());
                    sum += v;
                }
                case SHARE -> {
                    if (v * 100 < (long) threshold * total) {
                        return chosen;
                    }
                    chosen.add(s.key());
                }
                case TOP -> {
                    if (chosen.size() == threshold) {
                        return chosen;
                    }
                    chosen.add(s.key());
                }
            }
        }
        return chosen;
    }
}
