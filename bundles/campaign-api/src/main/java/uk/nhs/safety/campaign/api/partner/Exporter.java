package uk.nhs.safety.campaign.api.partner;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A named export a partner offers (an evidence pack, a claims profile, an alignment table), registered as an OSGi
 * service. Core lists the exporters installed now ({@link PartnerRegistry#exporters()}) and runs them from the
 * console ({@code safety:export}); the partner also offers them through its own routes and commands.
 *
 * <p>Implementations must be thread-safe. {@link #export} validates the request before it writes a byte: a bad
 * format, an unknown member or a malformed period is a {@link uk.nhs.safety.campaign.api.ValidationException}
 * (naming the field) or a {@link uk.nhs.safety.campaign.api.NotFoundException}, and nothing is written. Exporters
 * stream: they never hold a whole large export in memory.
 */
@ConsumerType
public interface Exporter {

    /** Unique name, lower-case words with hyphens, prefixed with the partner id, e.g. {@code cqc-evidence}. */
    String name();

    /** The partner that offers it. */
    String partnerId();

    /** One or two sentences for an operator: what it exports, its options. */
    String description();

    /** The formats it writes, e.g. {@code json}, {@code csv}; the first is the default. */
    List<String> formats();

    /** The media type of a format's output, e.g. {@code text/csv}. */
    String mediaType(String format);

    /**
     * Writes the export to {@code out} (not closed by the exporter).
     *
     * @throws IOException when writing fails
     */
    void export(ExportRequest request, OutputStream out) throws IOException;
}
