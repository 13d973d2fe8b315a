package uk.nhs.safety.campaign.api.store;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Copies this node's campaign store (core's tables, every partner's tables and both migration histories) into an
 * empty database, typically to move from the embedded H2 to PostgreSQL. Provided by core; the console's
 * {@code safety:store-copy} is its user.
 *
 * <p>The target is migrated with the same scripts as the source, then every table's rows are copied in foreign-key
 * order, identity columns are moved past the copied ids, and each table's row count and checksum (the same
 * computation on both sides, over normalised values) are compared, all in one transaction on the target: it commits
 * only when every table matches, so a failed copy leaves the target as it was. The source is only read.
 */
@ProviderType
public interface StoreCopier {

    /**
     * Copies the store into the database at {@code url}.
     *
     * @param url a JDBC URL of an empty database ({@code jdbc:postgresql://host:5432/safety}, or {@code jdbc:h2:...})
     * @param user the target's user
     * @param password the target's password (may be empty)
     * @return the comparison of every table; {@link StoreCopyReport#committed()} says whether the copy was kept
     * @throws uk.nhs.safety.campaign.api.ValidationException when the URL names no available driver
     * @throws uk.nhs.safety.campaign.api.CampaignException when the target cannot be reached, is not empty, or a
     *         partner's tables cannot be recreated (its bundle not installed); nothing is written
     */
    StoreCopyReport copyTo(String url, String user, String password);
}
