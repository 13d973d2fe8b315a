package uk.nhs.safety.campaign.model.internal.db;

/**
 * One versioned schema script.
 *
 * @param version     its version, from the file name {@code V<version>__<description>.sql}
 * @param description the description, from the file name (underscores read as spaces)
 * @param script      the resource name, for messages
 * @param sql         the script's text
 * @param checksum    SHA-256 of the text with line endings normalised, in hex
 */
public record Migration(int version, String description, String script, String sql, String checksum) {
}
