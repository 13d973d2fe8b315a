package uk.nhs.safety.campaign.api.partner;

import java.io.InputStream;
import java.nio.file.Path;

/**
 * Data to import.
 *
 * @param source  a name for the data in messages, usually the file name
 * @param data    the data; the importer reads it once and does not close it
 * @param partial {@code false} (the default way): any invalid row refuses the whole import and nothing changes;
 *                {@code true}: valid rows are imported and the rejected ones reported (and written to
 *                {@code rejects} when given)
 * @param rejects where to write the rejected rows with their errors when {@code partial}, or {@code null}
 * @param caller  who asks (for the audit trail)
 */
public record ImportRequest(String source, InputStream data, boolean partial, Path rejects, String caller) {
}
