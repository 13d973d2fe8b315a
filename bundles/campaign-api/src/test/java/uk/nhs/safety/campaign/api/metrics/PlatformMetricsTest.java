package uk.nhs.safety.campaign.api.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import uk.nhs.safety.campaign.api.ValidationException;
import uk.nhs.safety.campaign.api.Violation;
import uk.nhs.safety.campaign.api.partner.ImportReport;

class PlatformMetricsTest {

    private record Reported(String partner, String importer, long rows, boolean succeeded) {
    }

    private final List<Reported> reported = new ArrayList<>();
    private final PlatformMetrics metrics = (partner, importer, took, rows, succeeded) -> {
        assertThat(took).isGreaterThanOrEqualTo(Duration.ZERO);
        reported.add(new Reported(partner, importer, rows, succeeded));
    };

    @Test
    void aCommittedImportIsReportedWithTheRowsItRead() {
        ImportReport report = new ImportReport("claims", 12, 10, 1, 1, 0, List.of(), null);

        assertThat(PlatformMetrics.timedImport(metrics, "nhsla", "claims", () -> report)).isSameAs(report);
        assertThat(reported).containsExactly(new Reported("nhsla", "claims", 12, true));
    }

    @Test
    void aFailedImportIsReportedAsFailedAndItsErrorThrownOn() {
        ValidationException refused = new ValidationException(Violation.of("line 3", "x", "bad"));

        assertThatThrownBy(() -> PlatformMetrics.timedImport(metrics, "nhsi", "incidents", () -> {
            throw refused;
        })).isSameAs(refused);
        assertThat(reported).containsExactly(new Reported("nhsi", "incidents", 0, false));
    }

    @Test
    void withoutMetricsTheImportJustRuns() {
        ImportReport report = new ImportReport("claims", 1, 1, 0, 0, 0, List.of(), null);

        assertThat(PlatformMetrics.timedImport(null, "nhsla", "claims", () -> report)).isSameAs(report);
    }
}
