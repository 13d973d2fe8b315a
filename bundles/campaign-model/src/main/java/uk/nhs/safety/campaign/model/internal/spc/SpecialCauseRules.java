package uk.nhs.safety.campaign.model.internal.spc;

import uk.nhs.safety.campaign.api.spc.SpecialCause;

/**
 * The four Making Data Count special-cause rules, evaluated over the values of one phase.
 *
 * <p>Each rule detects its pattern on the values alone (a point outside the limits still counts towards a run or a
 * trend); the rules are then applied in precedence order and a point keeps the first rule that flagged it.
 */
final class SpecialCauseRules {

    /** Points needed for a trend or a run. */
    static final int SEQUENCE_LENGTH = 7;
    private static final int WINDOW = 3;
    private static final int CLOSE_IN_WINDOW = 2;

    private SpecialCauseRules() {
    }

    /**
     * @return one entry per value: the signal flagging it, or {@code null} when it shows common-cause variation
     */
    static Signal[] evaluate(double[] values, XmrLimits limits) {
        Signal[] signals = new Signal[values.length];
        outsideLimits(values, limits, signals);
        trends(values, signals);
        twoOfThreeNearLimit(values, limits, signals);
        runs(values, limits.mean(), signals);
        return signals;
    }

    private static void outsideLimits(double[] values, XmrLimits limits, Signal[] signals) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] > limits.upper()) {
                flag(signals, i, i, new Signal(SpecialCause.OUTSIDE_LIMITS, true));
            } else if (values[i] < limits.lower()) {
                flag(signals, i, i, new Signal(SpecialCause.OUTSIDE_LIMITS, false));
            }
        }
    }

    /**
     * Splits the values into maximal strictly monotonic stretches. Consecutive stretches share their turning point
     * (a peak ends a rise and starts a fall); a tie ends a stretch without starting one. Stretches are flagged in
     * time order, so a turning point shared by two trends keeps the side of the trend it completes.
     */
    private static void trends(double[] values, Signal[] signals) {
        int start = 0;
        int direction = 0;
        for (int i = 1; i <= values.length; i++) {
            int step = i < values.length ? (int) Math.signum(values[i] - values[i - 1]) : 0;
            if (step != 0 && step == direction) {
                continue;
            }
            if (direction != 0 && i - start >= SEQUENCE_LENGTH) {
                flag(signals, start, i - 1, new Signal(SpecialCause.TREND, direction > 0));
            }
            start = i - 1;
            direction = step;
        }
    }

    private static void twoOfThreeNearLimit(double[] values, XmrLimits limits, Signal[] signals) {
        int[] close = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            close[i] = limits.closeAbove(values[i]) ? 1 : limits.closeBelow(values[i]) ? -1 : 0;
        }
        for (int first = 0; first + WINDOW <= values.length; first++) {
            for (int side : new int[] {1, -1}) {
                int count = 0;
                for (int i = first; i < first + WINDOW; i++) {
                    if (close[i] == side) {
                        count++;
                    }
                }
                if (count >= CLOSE_IN_WINDOW) {
                    // Only the close points are special; the third point of the window is not.
                    for (int i = first; i < first + WINDOW; i++) {
                        if (close[i] == side) {
                            flag(signals, i, i, new Signal(SpecialCause.TWO_OF_THREE_NEAR_LIMIT, side > 0));
                        }
                    }
                }
            }
        }
    }

    private static void runs(double[] values, double mean, Signal[] signals) {
        int start = 0;
        while (start < values.length) {
            int side = (int) Math.signum(values[start] - mean);
            int end = start;
            while (end + 1 < values.length && (int) Math.signum(values[end + 1] - mean) == side) {
                end++;
            }
            // side 0: points exactly on the mean belong to no run and break any run.
            if (side != 0 && end - start + 1 >= SEQUENCE_LENGTH) {
                flag(signals, start, end, new Signal(SpecialCause.RUN, side > 0));
            }
            start = end + 1;
        }
    }

    /** Flags points from..to (inclusive) that no higher-precedence rule has flagged already. */
    private static void flag(Signal[] signals, int from, int to, Signal signal) {
        for (int i = from; i <= to; i++) {
            if (signals[i] == null) {
                signals[i] = signal;
            }
        }
    }
}
