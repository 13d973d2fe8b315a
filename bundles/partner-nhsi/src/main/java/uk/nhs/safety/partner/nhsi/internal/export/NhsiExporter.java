package uk.nhs.safety.partner.nhsi.internal.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import uk.nhs.safety.campaign.api.ValidationException;
import uk.nhs.safety.campaign.api.Violation;
import uk.nhs.safety.campaign.api.partner.ExportRequest;
import uk.nhs.safety.campaign.api.partner.Exporter;
import uk.nhs.safety.partner.nhsi.internal.NhsiPartner;
import uk.nhs.safety.partner.support.json.PartnerJson;

/** What the partner's exporters share: csv or json, the format checked before a byte is written. */
abstract class NhsiExporter implements Exporter {

    private final PartnerJson json = PartnerJson.writingNulls();

    @Override
    public final String partnerId() {
        return NhsiPartner.ID;
    }

    @Override
    public final List<String> formats() {
        return List.of("csv", "json");
    }

    @Override
    public final String mediaType(String format) {
        return "json".equalsIgnoreCase(format) ? "application/json" : "text/csv";
    }

    @Override
    public final void export(ExportRequest request, OutputStream out) throws IOException {
        String format = request.format() == null ? "csv" : request.format().toLowerCase(Locale.ROOT);
        if (!formats().contains(format)) {
            throw new ValidationException(Violation.of("format", request.format(), "one of csv, json"));
        }
        Object value = compute(request);
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        if (format.equals("json")) {
            w.write(json.write(value));
        } else {
            csv(value, w);
        }
        w.flush();
    }

    /** The value to export, validated and computed before anything is written. */
    abstract Object compute(ExportRequest request);

    /** Writes the value as CSV. */
    abstract void csv(Object value, Writer w) throws IOException;
}
