package uk.nhs.safety.partner.cqc.internal.export;

import uk.nhs.safety.campaign.api.spc.Assurance;
import uk.nhs.safety.campaign.api.spc.Variation;
import uk.nhs.safety.partner.cqc.internal.evidence.EvidencePack;

/** The Making Data Count icons in words, for readers who do not know the icons (inspectors, spreadsheets). */
public final class SpcWords {

    private SpcWords() {
    }

    /** E.g. {@code improvement (low)}; empty for {@code null}. */
    public static String variation(Variation variation) {
        if (variation == null) {
            return "";
        }
        return switch (variation) {
            case COMMON_CAUSE -> "common cause variation";
            case IMPROVEMENT_HIGH -> "improvement (high)";
            case IMPROVEMENT_LOW -> "improvement (low)";
            case CONCERN_HIGH -> "concern (high)";
            case CONCERN_LOW -> "concern (low)";
            case NEUTRAL_HIGH -> "neither improvement nor concern (high)";
            case NEUTRAL_LOW -> "neither improvement nor concern (low)";
        };
    }

    /** E.g. {@code consistently passes the target}; empty for {@code null}. */
    public static String assurance(Assurance assurance) {
        if (assurance == null) {
            return "";
        }
        return switch (assurance) {
            case CONSISTENTLY_PASSES -> "consistently passes the target";
            case CONSISTENTLY_FAILS -> "consistently fails the target";
            case INCONSISTENT -> "inconsistently passes and fails the target";
            case NOT_APPLICABLE -> "no assurance against a target";
        };
    }

    /**
     * An item's status in words: an action's status, or a measure's latest value with its unit and period; empty
     * when the item has neither (drivers, change ideas, a measure with no point in the period).
     */
    public static String statusOrLatest(EvidencePack.Item item) {
        if (item.status() != null) {
            return item.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        }
        EvidencePack.SpcSummary spc = item.spc();
        if (spc == null) {
            return "";
        }
        if (spc.latestValue() == null) {
            return "no data in the period";
        }
        String unit = spc.unit() == null || spc.unit().isBlank() ? "" : " " + spc.unit();
        return number(spc.latestValue()) + unit + " (" + spc.latestPeriod() + ")";
    }

    /** A value without a trailing {@code .0}. */
    static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : Double.toString(value);
    }
}
