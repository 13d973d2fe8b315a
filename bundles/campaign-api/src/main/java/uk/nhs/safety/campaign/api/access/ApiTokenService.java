package uk.nhs.safety.campaign.api.access;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** Partner API tokens: created, listed and revoked by admins; checked by the HTTP API on every request. */
@ProviderType
public interface ApiTokenService {

    /** Creates a token for a partner id (lower-case letters, digits, hyphens); audited. */
    IssuedToken create(String actor, String partnerId, String label);

    /** Revokes a token; revoking a revoked token changes nothing. Audited. */
    ApiToken revoke(String actor, long tokenId);

    /** Every token, newest first, revoked ones included. */
    List<ApiToken> tokens();

    /** The valid (not revoked) token with this secret, or empty. Constant-time in the secret; records last use. */
    Optional<ApiToken> authenticate(String secret);
}
