package uk.nhs.safety.campaign.api.metrics;

import java.time.Duration;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What partners and core report to the node's metrics (served to admins in the Prometheus text format). Provided by
 * core; cheap and thread-safe, so it may be called on any request or import thread.
 */
@ProviderType
public interface PlatformMetrics {

    /**
     * An import finished (or failed).
     *
     * @param partner   the partner's id
     * @param importer  the importer's name
     * @param took      how long it ran
     * @param rows      the rows it read (0 when it failed before reading)
     * @param succeeded whether it committed
     */
    void importFinished(String partner, String importer, Duration took, long rows, boolean succeeded);
}
