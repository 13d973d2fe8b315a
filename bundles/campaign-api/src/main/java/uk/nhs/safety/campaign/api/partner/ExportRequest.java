package uk.nhs.safety.campaign.api.partner;

import java.time.LocalDate;
import java.util.Map;

/**
 * What to export.
 *
 * @param format  one of the exporter's {@link Exporter#formats()}
 * @param odsCode the member to export, or {@code null} for the national (all members) export where the exporter
 *                offers one
 * @param from    first day of the period, or {@code null} for the exporter's default
 * @param to      last day of the period, or {@code null} for the exporter's default
 * @param options exporter-specific options by name (documented by the exporter's {@link Exporter#description()})
 */
public record ExportRequest(String format, String odsCode, LocalDate from, LocalDate to,
                            Map<String, String> options) {
    public ExportRequest {
        options = Map.copyOf(options);
    }
}
