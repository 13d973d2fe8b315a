package uk.nhs.safety.campaign.api.partner;

import java.util.List;

import uk.nhs.safety.campaign.api.Violation;

/**
 * What an import did. Importing the same data twice creates nothing the second time: records are keyed by their
 * natural key (a claim reference, a member and month) and updated in place.
 *
 * @param importer   the importer's name
 * @param read       data rows read
 * @param created    new records
 * @param updated    existing records changed
 * @param unchanged  existing records already up to date
 * @param rejected   rows refused (only when the import was partial)
 * @param problems   the first problems found (rejected rows, rows about unknown members), each naming line, field
 *                   and value; at most a few hundred, {@link #rejected} says how many rows in all
 * @param rejectsFile where the rejected rows were written, or {@code null}
 */
public record ImportReport(String importer, long read, long created, long updated, long unchanged, long rejected,
                           List<Violation> problems, String rejectsFile) {
    public ImportReport {
        problems = List.copyOf(problems);
    }
}
