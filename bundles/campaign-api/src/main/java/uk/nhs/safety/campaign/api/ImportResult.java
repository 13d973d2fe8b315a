package uk.nhs.safety.campaign.api;

/**
 * What an ODS import did. Importing the same file twice adds and updates nothing the second time.
 *
 * @param read      data rows read
 * @param added     new members
 * @param updated   existing members whose ODS details changed
 * @param unchanged existing members already up to date
 * @param closed    rows that describe a closed organisation (marked closed, never dropped)
 */
public record ImportResult(int read, int added, int updated, int unchanged, int closed) {
}
