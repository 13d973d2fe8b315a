package uk.nhs.safety.campaign.model.internal.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntToDoubleFunction;

import uk.nhs.safety.campaign.api.Measurement;

/**
 * Builds one monthly demo series: an underlying level per month plus Gaussian noise from a random generator
 * seeded by member and measure, so the same series comes out on every start.
 */
final class SeriesBuilder {

    private final String seedKey;
    private final LocalDate start;
    private final int months;
    private IntToDoubleFunction level = i -> 0;
    private double noise;
    private int decimals = 1;
    private double min = 0;
    private double max = Double.MAX_VALUE;
    private final Map<Integer, String> notes = new HashMap<>();
    private final Map<Integer, Double> outliers = new HashMap<>();

    SeriesBuilder(String seedKey, LocalDate start, int months) {
        this.seedKey = seedKey;
        this.start = start;
        this.months = months;
    }

    /** The underlying level in month {@code i} (0 = the first month). */
    SeriesBuilder level(IntToDoubleFunction level) {
        this.level = level;
        return this;
    }

    /** Standard deviation of the month-to-month noise. */
    SeriesBuilder noise(double sd) {
        this.noise = sd;
        return this;
    }

    SeriesBuilder decimals(int decimals) {
        this.decimals = decimals;
        return this;
    }

    /** Values are kept in this range (a percentage stays within 0–100, a rate above 0). */
    SeriesBuilder range(double min, double max) {
        this.min = min;
        this.max = max;
        return this;
    }

    /** A chart annotation on month {@code i}, e.g. the change introduced then. */
    SeriesBuilder note(int i, String text) {
        notes.put(i, text);
        return this;
    }

    /** Month {@code i} takes this value instead of the level: a one-off special cause. */
    SeriesBuilder outlier(int i, double value, String text) {
        outliers.put(i, value);
        return note(i, text);
    }

    /** The measure key: the seed key is {@code ODS/measure-key}. */
    String measureKey() {
        return seedKey.substring(seedKey.indexOf('/') + 1);
    }

    List<Measurement> build() {
        // String.hashCode is specified by the JLS, so the seed (and the series) is the same on every JVM.
        Random random = new Random(seedKey.hashCode());
        double scale = Math.pow(10, decimals);
        List<Measurement> values = new ArrayList<>(months);
        for (int i = 0; i < months; i++) {
            double jitter = random.nextGaussian() * noise;
            double raw = outliers.containsKey(i) ? outliers.get(i) : level.applyAsDouble(i) + jitter;
            double value = Math.round(Math.min(max, Math.max(min, raw)) * scale) / scale;
            values.add(new Measurement(start.plusMonths(i), value, notes.get(i)));
        }
        return List.copyOf(values);
    }

    /** A level that moves in a straight line from {@code from} (up to month {@code first}) to {@code to} (from {@code last}). */
    static double ramp(int i, double from, double to, int first, int last) {
        if (i <= first) {
            return from;
        }
        if (i >= last) {
            return to;
        }
        return from + (to - from) * (i - first) / (double) (last - first);
    }

    /** A level that is {@code before} until month {@code at}, then {@code after}. */
    static double step(int i, double before, int at, double after) {
        return i < at ? before : after;
    }
}
