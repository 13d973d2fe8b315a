package uk.nhs.safety.campaign.model.internal.db;

import java.util.Locale;
import java.util.Map;

/**
 * One versioned schema script.
 *
 * @param version     its version, from the file name {@code V<version>__<description>.sql}
 * @param description the description, from the file name (underscores read as spaces)
 * @param script      the resource name, for messages
 * @param sql         the script's text
 * @param checksum    SHA-256 of the text with line endings normalised, in hex; with the texts of its database
 *                    variants appended when it has any, so that it is the same whichever database runs it
 * @param variants    the script's text for a database product (lower-case, e.g. {@code postgresql}) that has a
 *                    variant of its own ({@link uk.nhs.safety.campaign.api.partner.PartnerSchema#variant})
 */
public record Migration(int version, String description, String script, String sql, String checksum,
                        Map<String, String> variants) {

    public Migration {
        variants = Map.copyOf(variants);
    }

    /** The text that runs on {@code product} (as JDBC names it, e.g. {@code PostgreSQL}): its variant, else the script. */
    public String sql(String product) {
        return variants.getOrDefault(product.toLowerCase(Locale.ROOT), sql);
    }
}
