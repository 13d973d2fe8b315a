package uk.nhs.safety.campaign.rest.internal.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A {@link UserDirectory} over a snapshot of all users and their roles, read again when it is older than the time to
 * live (one second in the container): a change to the realm applies to sessions within that time, and a burst of
 * requests reads the realm once. Thread-safe.
 */
final class CachedUserDirectory implements UserDirectory {

    private record Snapshot(Instant taken, Optional<Map<String, Set<String>>> users) {
    }

    private final Clock clock;
    private final Duration ttl;
    private final Supplier<Optional<Map<String, Set<String>>>> loader;
    private volatile Snapshot snapshot;

    /**
     * @param loader reads every user of the realm with its roles (groups resolved); empty when the realm cannot be
     *               read
     */
    CachedUserDirectory(Clock clock, Duration ttl, Supplier<Optional<Map<String, Set<String>>>> loader) {
        this.clock = clock;
        this.ttl = ttl;
        this.loader = loader;
    }

    @Override
    public Lookup lookup(String user) {
        Optional<Map<String, Set<String>>> users = current().users();
        if (users.isEmpty()) {
            return Lookup.UNKNOWN;
        }
        Set<String> roles = users.get().get(user);
        return roles == null ? Lookup.DELETED : Lookup.of(roles);
    }

    /** Forgets the snapshot, e.g. when the realm's services or configuration change. */
    void invalidate() {
        snapshot = null;
    }

    private Snapshot current() {
        Instant now = clock.instant();
        Snapshot s = snapshot;
        if (s == null || !now.isBefore(s.taken().plus(ttl)) || now.isBefore(s.taken())) {
            synchronized (this) {
                s = snapshot;
                if (s == null || !now.isBefore(s.taken().plus(ttl)) || now.isBefore(s.taken())) {
                    s = new Snapshot(now, loader.get());
                    snapshot = s;
                }
            }
        }
        return s;
    }
}
