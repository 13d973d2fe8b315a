package uk.nhs.safety.campaign.api.store;

/**
 * One table after a copy: its rows and checksum on the source and on the target. The checksum covers every row
 * (every column, values normalised so that both engines give the same text) independent of row order.
 *
 * @param table the table's name, lower case
 * @param sourceRows rows in the source
 * @param targetRows rows in the target after the copy
 * @param sourceChecksum checksum of the source's rows (hex)
 * @param targetChecksum checksum of the target's rows (hex)
 */
public record TableComparison(String table, long sourceRows, long targetRows, String sourceChecksum,
        String targetChecksum) {

    /** Whether the target holds exactly the source's rows. */
    public boolean matches() {
        return sourceRows == targetRows && sourceChecksum.equals(targetChecksum);
    }
}
