package uk.nhs.safety.campaign.model.internal.spc;

import java.util.ArrayList;
import java.util.List;

import uk.nhs.safety.campaign.api.spc.ConflictRule;
import uk.nhs.safety.campaign.api.spc.ImprovementDirection;
import uk.nhs.safety.campaign.api.spc.SpcRuleProfile;
import uk.nhs.safety.campaign.api.spc.SpecialCause;
import uk.nhs.safety.campaign.api.spc.TwoOfThreeRule;
import uk.nhs.safety.campaign.api.spc.Variation;

/**
 * The four Making Data Count special-cause rules, evaluated over the values of one phase under a rule profile.
 *
 * <p>Each rule detects its pattern on the values alone (a point outside the limits still counts towards a run or a
 * trend). Every signal a point gets is kept, in rule order; the profile's {@link ConflictRule} then picks the one
 * the point shows.
 */
final class SpecialCauseRules {

    private static final int WINDOW = 3;
    private static final int CLOSE_IN_WINDOW = 2;

    private SpecialCauseRules() {
    }

    /**
     * @return one entry per value: the signal it shows, or {@code null} when it shows common-cause variation
     */
    static Signal[] evaluate(double[] values, Bands bands, SpcRuleProfile profile, ImprovementDirection direction) {
        List<List<Signal>> found = new ArrayList<>(values.length);
        for (int i = 0; i < values.length; i++) {
            found.add(new ArrayList<>(2));
        }
        outsideLimits(values, bands, found);
        trends(values, profile.trendLength(), found);
        if (profile.twoOfThree() == TwoOfThreeRule.INCLUDING_BEYOND_LIMITS) {
            twoOfThreeBeyondTwoSigma(values, bands, found);
        } else {
            twoOfThreeCloseToLimits(values, bands, found);
        }
        runs(values, bands.centre(), profile.runLength(), found);
        Signal[] shown = new Signal[values.length];
        for (int i = 0; i < values.length; i++) {
            shown[i] = resolve(found.get(i), profile.conflict(), direction);
        }
        return shown;
    }

    /** Signals arrive in rule order (and trends in time order); pick the one the point shows. */
    static Signal resolve(List<Signal> signals, ConflictRule conflict, ImprovementDirection direction) {
        if (signals.isEmpty()) {
            return null;
        }
        Signal first = signals.get(0);
        if (conflict == ConflictRule.RULE_PRECEDENCE) {
            // ptd_special_cause_type: a point in two trends (a turning point) takes the right-hand difference,
            // the direction of the trend it starts, which is the later one.
            if (first.cause() == SpecialCause.TREND) {
                Signal later = first;
                for (Signal s : signals) {
                    if (s.cause() == SpecialCause.TREND) {
                        later = s;
                    }
                }
                return later;
            }
            return first;
        }
        if (direction != ImprovementDirection.NEUTRAL) {
            for (Signal s : signals) {
                Variation shown = s.variation(direction);
                if (shown == Variation.IMPROVEMENT_HIGH || shown == Variation.IMPROVEMENT_LOW) {
                    return s;
                }
            }
        }
        return first;
    }

    private static void outsideLimits(double[] values, Bands bands, List<List<Signal>> found) {
        for (int i = 0; i < values.length; i++) {
            if (bands.above(i, values[i])) {
                found.get(i).add(new Signal(SpecialCause.OUTSIDE_LIMITS, true));
            } else if (bands.below(i, values[i])) {
                found.get(i).add(new Signal(SpecialCause.OUTSIDE_LIMITS, false));
            }
        }
    }

    /**
     * Splits the values into maximal strictly monotonic stretches. Consecutive stretches share their turning point
     * (a peak ends a rise and starts a fall); a tie ends a stretch without starting one.
     */
    private static void trends(double[] values, int length, List<List<Signal>> found) {
        int start = 0;
        int direction = 0;
        for (int i = 1; i <= values.length; i++) {
            int step = i < values.length ? (int) Math.signum(values[i] - values[i - 1]) : 0;
            if (step != 0 && step == direction) {
                continue;
            }
            if (direction != 0 && i - start >= length) {
                flag(found, start, i - 1, new Signal(SpecialCause.TREND, direction > 0));
            }
            start = i - 1;
            direction = step;
        }
    }

    /**
     * Making Data Count since November 2023: two of three consecutive points beyond two sigma on one side, points
     * beyond the limits included; the points beyond two sigma are flagged, the third point of the window is not.
     */
    private static void twoOfThreeBeyondTwoSigma(double[] values, Bands bands, List<List<Signal>> found) {
        int[] beyond = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            beyond[i] = values[i] > bands.nearAbove()[i] ? 1 : values[i] < bands.nearBelow()[i] ? -1 : 0;
        }
        boolean[][] flagged = new boolean[2][values.length];
        for (int first = 0; first + WINDOW <= values.length; first++) {
            for (int side : new int[] {1, -1}) {
                int count = 0;
                for (int i = first; i < first + WINDOW; i++) {
                    count += beyond[i] == side ? 1 : 0;
                }
                if (count >= CLOSE_IN_WINDOW) {
                    for (int i = first; i < first + WINDOW; i++) {
                        if (beyond[i] == side) {
                            flagged[side > 0 ? 0 : 1][i] = true;
                        }
                    }
                }
            }
        }
        addFlags(found, flagged);
    }

    /**
     * NHSRplotthedots 0.2.2 ({@code ptd_two_in_three}): a window of three points all on one side of the mean
     * (a point on the mean is on neither) with at least two of them between two sigma and the limit; those close
     * points are flagged.
     */
    private static void twoOfThreeCloseToLimits(double[] values, Bands bands, List<List<Signal>> found) {
        boolean[] close = new boolean[values.length];
        int[] side = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            boolean outside = bands.above(i, values[i]) || bands.below(i, values[i]);
            close[i] = !outside && (values[i] > bands.nearAbove()[i] || values[i] < bands.nearBelow()[i]);
            side[i] = (int) Math.signum(values[i] - bands.centre());
        }
        boolean[][] flagged = new boolean[2][values.length];
        for (int first = 0; first + WINDOW <= values.length; first++) {
            int count = 0;
            int sideSum = 0;
            for (int i = first; i < first + WINDOW; i++) {
                count += close[i] ? 1 : 0;
                sideSum += side[i];
            }
            if (count >= CLOSE_IN_WINDOW && Math.abs(sideSum) == WINDOW) {
                for (int i = first; i < first + WINDOW; i++) {
                    if (close[i]) {
                        flagged[sideSum > 0 ? 0 : 1][i] = true;
                    }
                }
            }
        }
        addFlags(found, flagged);
    }

    private static void addFlags(List<List<Signal>> found, boolean[][] flagged) {
        for (int i = 0; i < found.size(); i++) {
            if (flagged[0][i]) {
                found.get(i).add(new Signal(SpecialCause.TWO_OF_THREE_NEAR_LIMIT, true));
            }
            if (flagged[1][i]) {
                found.get(i).add(new Signal(SpecialCause.TWO_OF_THREE_NEAR_LIMIT, false));
            }
        }
    }

    private static void runs(double[] values, double mean, int length, List<List<Signal>> found) {
        int start = 0;
        while (start < values.length) {
            int side = (int) Math.signum(values[start] - mean);
            int end = start;
            while (end + 1 < values.length && (int) Math.signum(values[end + 1] - mean) == side) {
                end++;
            }
            // side 0: points exactly on the mean belong to no run and break any run.
            if (side != 0 && end - start + 1 >= length) {
                flag(found, start, end, new Signal(SpecialCause.RUN, side > 0));
            }
            start = end + 1;
        }
    }

    private static void flag(List<List<Signal>> found, int from, int to, Signal signal) {
        for (int i = from; i <= to; i++) {
            found.get(i).add(signal);
        }
    }
}
