package uk.nhs.safety.campaign.rest.internal.api;

import java.util.Set;

/**
 * The HTTP API's live settings (configuration PID {@code uk.nhs.safety.campaign.rest}).
 *
 * @param maxJsonBytes            largest JSON body accepted
 * @param maxCsvBytes             largest CSV import accepted
 * @param anonymousMaxAgeSeconds  how long shared caches may keep anonymous reads
 * @param trustedProxies          the addresses of the load balancers in front, whose {@code X-Forwarded-For} names
 *                                the client (see {@link uk.nhs.safety.campaign.rest.internal.http.ClientAddress})
 */
public record RestSettings(long maxJsonBytes, long maxCsvBytes, int anonymousMaxAgeSeconds,
                           Set<String> trustedProxies) {

    public static final RestSettings DEFAULTS = new RestSettings(1024 * 1024, 5 * 1024 * 1024, 60, Set.of());

    public RestSettings {
        if (maxJsonBytes < 1 || maxCsvBytes < 1 || anonymousMaxAgeSeconds < 0) {
            throw new IllegalArgumentException("body limits must be positive and the max age 0 or more: "
                    + maxJsonBytes + ", " + maxCsvBytes + ", " + anonymousMaxAgeSeconds);
        }
        trustedProxies = Set.copyOf(trustedProxies);
    }
}
