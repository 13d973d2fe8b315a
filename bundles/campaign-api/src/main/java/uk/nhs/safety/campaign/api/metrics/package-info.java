/**
 * Hooks into each node's metrics (served to admins at {@code /api/metrics} in the Prometheus text format): what an
 * import reports ({@link uk.nhs.safety.campaign.api.metrics.PlatformMetrics}) and the event log's lag
 * ({@link uk.nhs.safety.campaign.api.metrics.EventLag}, a whiteboard service read on each scrape).
 */
@Export
@Version("1.0.0")
package uk.nhs.safety.campaign.api.metrics;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
