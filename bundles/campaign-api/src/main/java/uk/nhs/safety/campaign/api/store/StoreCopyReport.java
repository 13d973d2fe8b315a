package uk.nhs.safety.campaign.api.store;

import java.util.List;

/**
 * The outcome of a {@link StoreCopier#copyTo copy}.
 *
 * @param source the source database (product and URL, no password)
 * @param target the target database (product and URL, no password)
 * @param tables every table copied, in copy (foreign-key) order
 * @param committed whether the copy was committed (only when every table matches; otherwise rolled back)
 */
public record StoreCopyReport(String source, String target, List<TableComparison> tables, boolean committed) {

    public StoreCopyReport {
        tables = List.copyOf(tables);
    }

    /** Rows copied in all. */
    public long rows() {
        return tables.stream().mapToLong(TableComparison::targetRows).sum();
    }
}
