package uk.nhs.safety.campaign.api.partner;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A named import a partner offers (claims, incident counts, CQC provider data), registered as an OSGi service.
 * Core lists the importers installed now ({@link PartnerRegistry#importers()}) and runs them from the console
 * ({@code safety:import}); the partner also offers them through its own routes and commands.
 *
 * <p><b>Contract.</b> An import validates every row before it changes anything and is transactional: unless the
 * request is partial, one invalid row refuses the whole import with a
 * {@link uk.nhs.safety.campaign.api.ValidationException} listing the violations (line, field, value) and the data
 * stays as it was; a crash half-way leaves the old data, never half of the new. Imports are idempotent by natural
 * key. Rows about organisations that are not members are reported in {@link ImportReport#problems()}, not
 * silently dropped. Importers stream large inputs in batches with flat memory.
 *
 * <p>Thread-safe; an importer may refuse a second concurrent import of the same kind with a
 * {@link uk.nhs.safety.campaign.api.CampaignException} saying one is running.
 */
@ConsumerType
public interface Importer {

    /** Unique name, lower-case words with hyphens, prefixed with the partner id, e.g. {@code nhsla-claims}. */
    String name();

    /** The partner that offers it. */
    String partnerId();

    /** One or two sentences for an operator: what it reads and in which shape. */
    String description();

    /** The media types it reads, e.g. {@code text/csv}; the first is the usual one. */
    List<String> mediaTypes();

    /** Runs the import. */
    ImportReport importData(ImportRequest request);
}
