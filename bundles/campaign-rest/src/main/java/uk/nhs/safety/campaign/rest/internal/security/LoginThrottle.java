package uk.nhs.safety.campaign.rest.internal.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts failed logins per key (a user name and address pair, an address) in a sliding window. A key with {@code maxFailures}
 * failures inside the last {@code window} is refused until the oldest of them leaves the window. Refused attempts
 * are not counted: they never reach the password check, and counting them would let anyone who keeps trying lock a
 * user out for ever. Memory is bounded: a key holds at most {@code maxFailures} instants, expired keys are swept, and
 * beyond {@link #MAX_KEYS} keys the least recently used ones are forgotten. Thread-safe; the clock is injected so
 * tests need not wait.
 */
final class LoginThrottle {

    /** Above this many keys, keys whose failures have all expired are dropped, so memory stays bounded. */
    static final int SWEEP_ABOVE = 10_000;
    /** The most keys kept; beyond it the least recently used key is forgotten. */
    static final int MAX_KEYS = 100_000;

    private final Clock clock;
    private final int maxKeys;
    /** In access order, so the eldest entry is the key least recently checked or failed. */
    private final Map<String, Deque<Instant>> failures = new LinkedHashMap<>(16, 0.75f, true);
    private int maxFailures;
    private Duration window;

    LoginThrottle(Clock clock, int maxFailures, Duration window) {
        this(clock, maxFailures, window, MAX_KEYS);
    }

    LoginThrottle(Clock clock, int maxFailures, Duration window, int maxKeys) {
        this.clock = clock;
        this.maxKeys = maxKeys;
        configure(maxFailures, window);
    }

    /** Changes the limits; failures counted so far are kept and judged by the new limits. */
    synchronized void configure(int maxFailures, Duration window) {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("maxFailures must be 1 or more, not " + maxFailures);
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive, not " + window);
        }
        this.maxFailures = maxFailures;
        this.window = window;
    }

    /**
     * @return 0 when every key may try now; otherwise the whole seconds (at least 1) until all of them may
     */
    synchronized long retryAfterSeconds(String... keys) {
        Instant now = clock.instant();
        Duration longest = Duration.ZERO;
        for (String key : keys) {
            Deque<Instant> times = recent(key, now);
            if (times != null && times.size() >= maxFailures) {
                // The attempt is allowed once enough failures have left the window to leave fewer than the limit.
                List<Instant> ordered = new ArrayList<>(times);
                Instant freeAt = ordered.get(times.size() - maxFailures).plus(window);
                Duration wait = Duration.between(now, freeAt);
                if (wait.compareTo(longest) > 0) {
                    longest = wait;
                }
            }
        }
        if (longest.isZero() || longest.isNegative()) {
            return 0;
        }
        long seconds = longest.getSeconds() + (longest.getNano() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }

    /** Counts one failure against each key. */
    synchronized void failed(String... keys) {
        Instant now = clock.instant();
        for (String key : keys) {
            Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
            times.addLast(now);
            // Only the newest maxFailures instants can ever decide a refusal; older ones are dropped.
            while (times.size() > maxFailures) {
                times.removeFirst();
            }
        }
        if (failures.size() > Math.min(SWEEP_ABOVE, maxKeys)) {
            sweep(now);
        }
        for (Iterator<String> it = failures.keySet().iterator(); failures.size() > maxKeys && it.hasNext(); ) {
            it.next();
            it.remove();
        }
    }

    /** Forgets the failures of this key (and only this key). */
    synchronized void succeeded(String key) {
        failures.remove(key);
    }

    /** The failures of this key inside the window now, for tests and diagnostics. */
    synchronized int failures(String key) {
        Deque<Instant> times = recent(key, clock.instant());
        return times == null ? 0 : times.size();
    }

    synchronized int keys() {
        return failures.size();
    }

    private Deque<Instant> recent(String key, Instant now) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return null;
        }
        Instant oldestKept = now.minus(window);
        while (!times.isEmpty() && !times.peekFirst().isAfter(oldestKept)) {
            times.removeFirst();
        }
        if (times.isEmpty()) {
            failures.remove(key);
            return null;
        }
        return times;
    }

    private void sweep(Instant now) {
        Instant oldestKept = now.minus(window);
        for (Iterator<Deque<Instant>> it = failures.values().iterator(); it.hasNext(); ) {
            Deque<Instant> times = it.next();
            if (times.isEmpty() || !times.peekLast().isAfter(oldestKept)) {
                it.remove();
            }
        }
    }
}
