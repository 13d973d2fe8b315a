package uk.nhs.safety.campaign.api.access;

import java.time.Instant;

/**
 * A partner API token as stored: never the secret itself, only its hash.
 *
 * @param id        identity
 * @param partnerId the partner the token acts for
 * @param label     what it is for, e.g. "CQC evidence sync"
 * @param createdAt when it was created
 * @param createdBy who created it
 * @param revokedAt when it was revoked, or {@code null} while valid
 * @param lastUsed  when it last authenticated a request, or {@code null}
 */
public record ApiToken(long id, String partnerId, String label, Instant createdAt, String createdBy,
                       Instant revokedAt, Instant lastUsed) {

    public boolean revoked() {
        return revokedAt != null;
    }
}
