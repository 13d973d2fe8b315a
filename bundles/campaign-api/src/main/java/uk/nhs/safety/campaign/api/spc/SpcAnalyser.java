package uk.nhs.safety.campaign.api.spc;

import java.time.LocalDate;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Analyses a series as a Making Data Count XmR chart. Offered by core as a service so partners can chart their
 * own series the same way. Stateless and thread-safe.
 */
@ProviderType
public interface SpcAnalyser {

    /**
     * @param points     the series; sorted by period here, duplicates of a period refused
     * @param direction  which way is better
     * @param target     the target, or {@code null}
     * @param rebaseFrom periods at which a new phase (with its own limits) starts; each must be a period of the
     *                   series other than the first
     */
    SpcResult analyse(List<DataPoint> points, ImprovementDirection direction, Double target,
                      List<LocalDate> rebaseFrom);
}
