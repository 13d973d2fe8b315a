package uk.nhs.safety.campaign.api.metrics;

import java.time.Duration;
import java.util.function.Supplier;

import uk.nhs.safety.campaign.api.partner.ImportReport;

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

    /**
     * Runs an import and reports it to {@code metrics} (when there is one: partners hold it as an optional, dynamic
     * reference): its time, the rows it read and whether it committed. What the import throws is thrown on as it is.
     *
     * @param metrics  the node's metrics, or {@code null}
     * @param partner  the partner's id
     * @param importer the importer's name
     * @param run      the import
     * @return what the import returned
     */
    static ImportReport timedImport(PlatformMetrics metrics, String partner, String importer,
                                    Supplier<ImportReport> run) {
        long start = System.nanoTime();
        boolean committed = false;
        long rows = 0;
        try {
            ImportReport report = run.get();
            committed = true;
            rows = report.read();
            return report;
        } finally {
            if (metrics != null) {
                metrics.importFinished(partner, importer, Duration.ofNanos(System.nanoTime() - start), rows,
                        committed);
            }
        }
    }
}
