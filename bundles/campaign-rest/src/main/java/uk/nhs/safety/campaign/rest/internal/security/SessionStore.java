package uk.nhs.safety.campaign.rest.internal.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Login sessions of the web pages: a user who logs in through the login form ({@code POST /api/v1/session}) gets an
 * unguessable session id in an {@code HttpOnly}, {@code SameSite=Strict} cookie; later requests carrying the cookie act
 * as that user with the roles the realm gave at login. Sessions live in memory (a restart logs everyone out), end
 * after {@code idleMinutes} without a request or {@code maxHours} after login, and on logout. Thread-safe.
 */
@Component(service = SessionStore.class, configurationPid = SessionStore.PID)
@Designate(ocd = SessionStore.Config.class)
public class SessionStore {

    /** The configuration PID. */
    public static final String PID = "uk.nhs.safety.campaign.rest.session";
    /** The cookie's name. */
    public static final String COOKIE = "safety_session";

    private static final Logger LOG = LoggerFactory.getLogger(SessionStore.class);
    private static final int ID_BYTES = 32;

    /** How long sessions last. */
    @ObjectClassDefinition(name = "Campaign web login sessions",
            description = "How long a login through the web pages' login form lasts")
    public @interface Config {
        @AttributeDefinition(name = "Idle time (minutes)", min = "1",
                description = "A session ends after this long without a request")
        int idleMinutes() default 30;

        @AttributeDefinition(name = "Longest session (hours)", min = "1",
                description = "A session ends this long after login, however active")
        int maxHours() default 8;
    }

    /** One session: who, since when, last seen. */
    private record Session(Caller caller, Instant created, Instant lastSeen) {
    }

    /** A new session: its id (the cookie's value), the caller, and when it ends at the latest. */
    public record Created(String id, Caller caller, Instant expiresAt) {
        @Override
        public String toString() {
            return "Created[caller=" + caller.name() + ", expiresAt=" + expiresAt + "]";
        }
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private volatile Duration idle;
    private volatile Duration max;

    @Activate
    public SessionStore(Config config) {
        this(Clock.systemUTC(), Duration.ofMinutes(Math.max(1, config.idleMinutes())),
                Duration.ofHours(Math.max(1, config.maxHours())));
    }

    public SessionStore(Clock clock, Duration idle, Duration max) {
        this.clock = clock;
        this.idle = idle;
        this.max = max;
    }

    @Modified
    void modified(Config config) {
        idle = Duration.ofMinutes(Math.max(1, config.idleMinutes()));
        max = Duration.ofHours(Math.max(1, config.maxHours()));
        LOG.info("Web login sessions: end after {} min idle, {} h at most", idle.toMinutes(), max.toHours());
    }

    /** Starts a session for an authenticated user (never for anonymous callers or partner tokens). */
    public Created create(Caller caller) {
        if (caller.anonymous() || caller.partnerId().isPresent()) {
            throw new IllegalArgumentException("sessions are for users of the realm, not " + caller.name());
        }
        purgeExpired();
        byte[] bytes = new byte[ID_BYTES];
        random.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        sessions.put(id, new Session(caller, now, now));
        LOG.info("Web login of user '{}' ({} sessions open)", HttpAuthenticator.printable(caller.name()),
                sessions.size());
        return new Created(id, caller, now.plus(max));
    }

    /** The caller of a live session, which counts as activity; empty for an unknown or ended session. */
    public Optional<Caller> caller(String id) {
        if (id == null || id.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Session updated = sessions.computeIfPresent(id, (k, s) -> expired(s, now) ? null
                : new Session(s.caller(), s.created(), now));
        return Optional.ofNullable(updated).map(Session::caller);
    }

    /** When a live session ends at the latest. */
    public Optional<Instant> expiresAt(String id) {
        Session s = id == null ? null : sessions.get(id);
        return s == null ? Optional.empty() : Optional.of(s.created().plus(max));
    }

    /** Ends a session (logout); true when there was one. */
    public boolean end(String id) {
        Session removed = id == null ? null : sessions.remove(id);
        if (removed != null) {
            LOG.info("Web logout of user '{}'", HttpAuthenticator.printable(removed.caller().name()));
        }
        return removed != null;
    }

    /** Sessions open now (expired ones are dropped first). */
    public int size() {
        purgeExpired();
        return sessions.size();
    }

    private boolean expired(Session s, Instant now) {
        return !now.isBefore(s.lastSeen().plus(idle)) || !now.isBefore(s.created().plus(max));
    }

    private void purgeExpired() {
        Instant now = clock.instant();
        for (Iterator<Session> it = sessions.values().iterator(); it.hasNext(); ) {
            if (expired(it.next(), now)) {
                it.remove();
            }
        }
    }
}
