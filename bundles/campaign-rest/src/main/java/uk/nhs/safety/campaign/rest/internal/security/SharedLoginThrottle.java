package uk.nhs.safety.campaign.rest.internal.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.nhs.safety.campaign.api.StoreUnavailableException;
import uk.nhs.safety.campaign.api.partner.PartnerDatabase;

/**
 * A {@link LoginThrottle} whose failures are counted in the database ({@code web_login_failure}, see
 * {@link WebTables}), so that its limits hold across every node: the same sliding window, the same answers. A row is
 * one failure of one key of one counter; only the newest {@code maxFailures} of a key and those inside the window are
 * kept (older rows are deleted whenever a failure is recorded).
 *
 * <p>The success path stays cheap: a check is one indexed query per key, and a success deletes a key's rows only when
 * this node has seen failures of that key (every login checks its key first, so failures counted on another node are
 * seen then). While the database is unavailable the node counts in memory ({@link LoginThrottle}), so logins stay
 * throttled; a warning says so once, and counting returns to the database when it answers again.
 */
final class SharedLoginThrottle {

    private static final Logger LOG = LoggerFactory.getLogger(SharedLoginThrottle.class);

    private final String counter;
    private final Supplier<PartnerDatabase> tables;
    private final Clock clock;
    private final LoginThrottle local;
    /** Keys this node has seen failures of: only their success needs a delete. A hint, bounded. */
    private final Set<String> withFailures = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean degraded = new AtomicBoolean();
    private volatile int maxFailures;
    private volatile Duration window;

    /**
     * @param counter which counter this is ({@code pair}, {@code address}, {@code token}), stored with each row
     * @param tables  the web tables, or {@code null} to count in memory only (tests of other things)
     */
    SharedLoginThrottle(String counter, Supplier<PartnerDatabase> tables, Clock clock, int maxFailures,
                        Duration window) {
        this.counter = counter;
        this.tables = tables;
        this.clock = clock;
        this.local = new LoginThrottle(clock, maxFailures, window);
        this.maxFailures = maxFailures;
        this.window = window;
    }

    /** Changes the limits; failures counted so far are kept and judged by the new limits. */
    void configure(int maxFailures, Duration window) {
        local.configure(maxFailures, window); // validates
        this.maxFailures = maxFailures;
        this.window = window;
    }

    /** @return 0 when every key may try now; otherwise the whole seconds (at least 1) until all of them may */
    long retryAfterSeconds(String... keys) {
        if (tables == null) {
            return local.retryAfterSeconds(keys);
        }
        try {
            int max = maxFailures;
            Duration w = window;
            Instant now = clock.instant();
            List<List<Instant>> recent = tables.get().read(c -> {
                List<List<Instant>> all = new ArrayList<>();
                for (String key : keys) {
                    all.add(recent(c, key, now, w, max));
                }
                return all;
            });
            recovered();
            Duration longest = Duration.ZERO;
            for (int i = 0; i < keys.length; i++) {
                List<Instant> newestFirst = recent.get(i);
                if (!newestFirst.isEmpty()) {
                    withFailures.add(keys[i]);
                }
                if (newestFirst.size() >= max) {
                    // Allowed once enough failures have left the window to leave fewer than the limit.
                    Duration wait = Duration.between(now, newestFirst.get(max - 1).plus(w));
                    if (wait.compareTo(longest) > 0) {
                        longest = wait;
                    }
                }
            }
            bound();
            if (longest.isZero() || longest.isNegative()) {
                return 0;
            }
            return Math.max(1, longest.getSeconds() + (longest.getNano() > 0 ? 1 : 0));
        } catch (StoreUnavailableException e) {
            degrade(e);
            return local.retryAfterSeconds(keys);
        }
    }

    /** Counts one failure against each key. */
    void failed(String... keys) {
        if (tables == null) {
            local.failed(keys);
            return;
        }
        try {
            int max = maxFailures;
            Instant now = clock.instant();
            Instant oldestKept = now.minus(window);
            tables.get().inTransaction(c -> {
                for (String key : keys) {
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO web_login_failure"
                            + " (counter, throttle_key, failed_at) VALUES (?, ?, ?)")) {
                        ps.setString(1, counter);
                        ps.setString(2, key);
                        ps.setObject(3, at(now));
                        ps.executeUpdate();
                    }
                    // Only the newest maxFailures failures of a key can ever decide a refusal.
                    try (PreparedStatement ps = c.prepareStatement("DELETE FROM web_login_failure WHERE counter = ?"
                            + " AND throttle_key = ? AND id NOT IN (SELECT id FROM web_login_failure WHERE"
                            + " counter = ? AND throttle_key = ? ORDER BY failed_at DESC, id DESC LIMIT ?)")) {
                        ps.setString(1, counter);
                        ps.setString(2, key);
                        ps.setString(3, counter);
                        ps.setString(4, key);
                        ps.setInt(5, max);
                        ps.executeUpdate();
                    }
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "DELETE FROM web_login_failure WHERE counter = ? AND failed_at <= ?")) {
                    ps.setString(1, counter);
                    ps.setObject(2, at(oldestKept));
                    ps.executeUpdate();
                }
                return null;
            });
            recovered();
            for (String key : keys) {
                withFailures.add(key);
            }
            bound();
        } catch (StoreUnavailableException e) {
            degrade(e);
            local.failed(keys);
        }
    }

    /** Forgets the failures of this key (and only this key). */
    void succeeded(String key) {
        local.succeeded(key);
        if (tables == null || !withFailures.remove(key)) {
            return;
        }
        try {
            tables.get().inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "DELETE FROM web_login_failure WHERE counter = ? AND throttle_key = ?")) {
                    ps.setString(1, counter);
                    ps.setString(2, key);
                    return ps.executeUpdate();
                }
            });
            recovered();
        } catch (StoreUnavailableException e) {
            degrade(e);
        }
    }

    /** The failures of this key inside the window now, for tests and diagnostics. */
    int failures(String key) {
        if (tables == null) {
            return local.failures(key);
        }
        Instant now = clock.instant();
        Duration w = window;
        int max = maxFailures;
        return tables.get().read(c -> recent(c, key, now, w, max)).size();
    }

    /** The failures of {@code key} inside the window, newest first, at most {@code max}. */
    private List<Instant> recent(Connection c, String key, Instant now, Duration w, int max) throws SQLException {
        List<Instant> found = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT failed_at FROM web_login_failure WHERE counter = ?"
                + " AND throttle_key = ? AND failed_at > ? ORDER BY failed_at DESC")) {
            ps.setString(1, counter);
            ps.setString(2, key);
            ps.setObject(3, at(now.minus(w)));
            ps.setMaxRows(max);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getObject(1, OffsetDateTime.class).toInstant());
                }
            }
        }
        return found;
    }

    private void bound() {
        if (withFailures.size() > LoginThrottle.MAX_KEYS) {
            // Only a hint: a success may now leave a key's rows, which leave the window in time.
            withFailures.clear();
        }
    }

    private void degrade(StoreUnavailableException e) {
        if (degraded.compareAndSet(false, true)) {
            LOG.warn("Failed logins ({} counter) are counted on this node only until the database answers: {}",
                    counter, e.getMessage());
        }
    }

    private void recovered() {
        if (degraded.compareAndSet(true, false)) {
            LOG.info("Failed logins ({} counter) are counted in the database again", counter);
        }
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
