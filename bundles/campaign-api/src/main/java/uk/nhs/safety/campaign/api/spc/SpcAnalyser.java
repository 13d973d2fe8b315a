package uk.nhs.safety.campaign.api.spc;

import java.time.LocalDate;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Analyses a series as a Making Data Count SPC chart. Offered by core as a service so partners can chart their
 * own series the same way. Stateless and thread-safe.
 */
@ProviderType
public interface SpcAnalyser {

    /**
     * An XmR chart under the platform's default rule profile.
     *
     * @param points     the series; sorted by period here, duplicates of a period refused
     * @param direction  which way is better
     * @param target     the target, or {@code null}
     * @param rebaseFrom periods at which a new phase (with its own limits) starts; each must be a period of the
     *                   series other than the first
     */
    SpcResult analyse(List<DataPoint> points, ImprovementDirection direction, Double target,
                      List<LocalDate> rebaseFrom);

    /**
     * A chart of the given type under the given rule profile. Refuses, naming the point, p and u values without a
     * positive denominator, p values above their denominator and negative counts, times or gaps.
     *
     * @param chartType the kind of chart; {@code null} for XmR
     * @param profile   the rule profile; {@code null} for the platform's default
     * @since 1.1
     */
    default SpcResult analyse(List<DataPoint> points, ImprovementDirection direction, Double target,
                              List<LocalDate> rebaseFrom, ChartType chartType, SpcRuleProfile profile) {
        if ((chartType == null || chartType == ChartType.XMR) && (profile == null || profile.equals(defaultProfile()))) {
            return analyse(points, direction, target, rebaseFrom);
        }
        throw new UnsupportedOperationException("this analyser draws XmR charts under its default profile only");
    }

    /**
     * The platform's default rule profile (configurable; {@link SpcRuleProfile#MDC} unless changed).
     *
     * @since 1.1
     */
    default SpcRuleProfile defaultProfile() {
        return SpcRuleProfile.MDC;
    }
}
