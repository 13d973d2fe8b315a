package uk.nhs.safety.campaign.console.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import uk.nhs.safety.campaign.api.NotFoundException;
import uk.nhs.safety.campaign.api.ValidationException;
import uk.nhs.safety.campaign.api.Violation;
import uk.nhs.safety.campaign.api.access.ApiToken;
import uk.nhs.safety.campaign.api.access.ApiTokenService;
import uk.nhs.safety.campaign.api.access.IssuedToken;

/** Tokens held in a list, with a made-up secret per token; records the console's writes. */
final class FakeApiTokenService implements ApiTokenService {

    final List<ApiToken> stored = new ArrayList<>();
    final List<String> secrets = new ArrayList<>();
    final List<String> calls = new ArrayList<>();
    Instant now = Instant.parse("2015-04-01T09:00:00Z");

    @Override
    public IssuedToken create(String actor, String partnerId, String label) {
        calls.add("create " + actor + " " + partnerId + " " + label);
        if (partnerId == null || !partnerId.matches("[a-z0-9][a-z0-9-]{1,39}")) {
            throw new ValidationException(Violation.of("partnerId", partnerId, "must be 2 to 40 lower-case letters,"
                    + " digits or hyphens"));
        }
        ApiToken token = new ApiToken(stored.size() + 1L, partnerId, label, now, actor, null, null);
        stored.add(token);
        String secret = "sts_fake" + Long.toHexString(Double.doubleToLongBits(Math.random()));
        secrets.add(secret);
        return new IssuedToken(token, secret);
    }

    @Override
    public ApiToken revoke(String actor, long tokenId) {
        calls.add("revoke " + actor + " " + tokenId);
        for (int i = 0; i < stored.size(); i++) {
            ApiToken t = stored.get(i);
            if (t.id() == tokenId) {
                if (!t.revoked()) {
                    t = new ApiToken(t.id(), t.partnerId(), t.label(), t.createdAt(), t.createdBy(), now, t.lastUsed());
                    stored.set(i, t);
                }
                return t;
            }
        }
        throw new NotFoundException("no API token " + tokenId);
    }

    @Override
    public List<ApiToken> tokens() {
        return stored.stream().sorted(Comparator.comparingLong(ApiToken::id).reversed()).toList();
    }

    @Override
    public Optional<ApiToken> authenticate(String secret) {
        throw new UnsupportedOperationException("the console never authenticates");
    }
}
