package uk.nhs.safety.partner.nhsi.internal.incidents;

import java.io.IOException;
import java.io.Writer;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import uk.nhs.safety.campaign.api.OrganisationType;

/**
 * Writes realistic synthetic incident-count files for demonstrations and tests. The shape follows the national
 * picture (DOMAIN.md): about 2-2.5 million reports a year from about 240 trusts, about two thirds no harm. Each
 * trust gets a size (acute trusts largest, ambulance smallest, spread by a random factor of 0.5-1.5) and its
 * monthly reports are split by category (falls, medication and treatment the largest; self-harm and aggression
 * mostly in mental health; maternity only in acute trusts) and by harm: 68% no harm, 26% low, 5% moderate,
 * 0.7% severe, 0.3% death. Moderate-or-worse harm falls by {@code yearlyHarmReduction} a year from the first
 * month. Deterministic for a seed; streams (constant memory).
 */
public final class IncidentGenerator {

    /** A trust to generate for. */
    public record Trust(String odsCode, OrganisationType type) {
    }

    private static final String[] CATEGORIES = {"patient-accident", "medication", "treatment-procedure",
        "clinical-assessment", "access-admission-transfer-discharge", "implementation-of-care", "documentation",
        "infrastructure", "infection-control", "medical-device", "self-harming-behaviour",
        "consent-communication-confidentiality", "disruptive-aggressive-behaviour", "patient-abuse", "other",
        "maternity"};
    /** Per mille of a general trust's reports in each category (same order). */
    private static final int[] GENERAL = {220, 110, 100, 80, 100, 100, 60, 60, 20, 30, 10, 40, 10, 5, 15, 40};
    /** Mental health trusts: more self-harm and aggression, no maternity. */
    private static final int[] MENTAL = {180, 120, 40, 40, 60, 80, 50, 50, 10, 10, 150, 40, 150, 10, 10, 0};
    private static final double[] HARM = {0.68, 0.26, 0.05, 0.007, 0.003};

    private final List<Trust> trusts;
    private final SplittableRandom random;
    private final double yearlyHarmReduction;

    /**
     * @param trusts              the trusts
     * @param seed                the random seed (same seed, same file)
     * @param yearlyHarmReduction the fraction by which moderate-or-worse harm falls each year, e.g. 0.1
     */
    public IncidentGenerator(List<Trust> trusts, long seed, double yearlyHarmReduction) {
        this.trusts = List.copyOf(trusts);
        this.random = new SplittableRandom(seed);
        this.yearlyHarmReduction = yearlyHarmReduction;
    }

    /** Mean reports a month for a trust of this type (acute ~900: 240 trusts give about 2.3 million a year). */
    static double monthlyReports(OrganisationType type) {
        return switch (type) {
            case ACUTE -> 900;
            case MENTAL_HEALTH, COMMUNITY, LEARNING_DISABILITY -> 600;
            case AMBULANCE -> 150;
            default -> 50;
        };
    }

    /** Writes the header and the rows for every trust and month from {@code from} to {@code to}; returns rows. */
    public long write(Writer out, YearMonth from, YearMonth to) throws IOException {
        out.write(IncidentCsv.HEADER);
        out.write('\n');
        long rows = 0;
        for (Trust t : trusts) {
            double size = monthlyReports(t.type()) * (0.5 + random.nextDouble());
            int[] mix = t.type() == OrganisationType.MENTAL_HEALTH || t.type() == OrganisationType.LEARNING_DISABILITY
                    ? MENTAL : GENERAL;
            boolean maternity = t.type() == OrganisationType.ACUTE;
            int month = 0;
            for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1), month++) {
                double harmFactor = Math.pow(1 - yearlyHarmReduction, month / 12.0);
                for (int c = 0; c < CATEGORIES.length; c++) {
                    if (mix[c] == 0 || c == CATEGORIES.length - 1 && !maternity) {
                        continue;
                    }
                    double mean = size * mix[c] / 1000.0;
                    for (int h = 0; h < HARM.length; h++) {
                        double expected = mean * HARM[h] * (h >= 2 ? harmFactor : 1.0);
                        long n = poisson(expected);
                        if (n > 0) {
                            out.write(String.format(Locale.ROOT, "%s,%s,%s,%s,%d%n", t.odsCode(), m, CATEGORIES[c],
                                    Harm.values()[h].label(), n));
                            rows++;
                        }
                    }
                }
            }
        }
        return rows;
    }

    /** A Poisson draw (Knuth's method for small means, a rounded normal approximation for large ones). */
    private long poisson(double mean) {
        if (mean > 30) {
            return Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian()));
        }
        double limit = Math.exp(-mean);
        double p = random.nextDouble();
        long k = 0;
        while (p > limit) {
            p *= random.nextDouble();
            k++;
        }
        return k;
    }

    private double gaussian() {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
