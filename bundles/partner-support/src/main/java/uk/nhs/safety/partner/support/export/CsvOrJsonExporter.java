package uk.nhs.safety.partner.support.export;

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
import uk.nhs.safety.partner.support.json.PartnerJson;

/**
 * The base of a partner's exporter that writes CSV (the default) or JSON, the same in every partner: the format
 * (any case) is checked, then the value computed (and validated), before a byte is written; the output is UTF-8.
 * A subclass names the export, computes its value and writes it as CSV.
 *
 * @param <T> the value exported
 */
public abstract class CsvOrJsonExporter<T> implements Exporter {

    private final String partnerId;
    private final PartnerJson json;

    /**
     * @param partnerId the partner the export belongs to
     * @param json      how the partner writes JSON (with or without nulls)
     */
    protected CsvOrJsonExporter(String partnerId, PartnerJson json) {
        this.partnerId = partnerId;
        this.json = json;
    }

    @Override
    public final String partnerId() {
        return partnerId;
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
        T value = compute(request);
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        if (format.equals("json")) {
            w.write(json.write(value));
        } else {
            csv(value, w);
        }
        w.flush();
    }

    /** The value to export, validated and computed before anything is written. */
    protected abstract T compute(ExportRequest request);

    /** Writes the value as CSV. */
    protected abstract void csv(T value, Writer w) throws IOException;
}
