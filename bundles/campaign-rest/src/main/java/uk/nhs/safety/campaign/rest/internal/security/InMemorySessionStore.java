package uk.nhs.safety.campaign.rest.internal.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link SessionStore} in memory (a restart logs everyone out; a session is known to one node only). Sessions
 * end after {@code idleMinutes} without a request or {@code maxHours} after login, on logout, when an administrator
 * ends them, and as soon as a request finds their user deleted or disabled in the realm ({@link UserDirectory}).
 * Thread-safe.
 */
@Component(service = SessionStore.class, configurationPid = InMemorySessionStore.PID)
@Designate(ocd = InMemorySessionStore.Config.class)
public class InMemorySessionStore implements SessionStore {

    /** The configuration PID. */
    public static final String PID = "uk.nhs.safety.campaign.rest.session";

    private static final Logger LOG = LoggerFactory.getLogger(InMemorySessionStore.class);
    private static final int ID_BYTES = 32;
    private static final int HANDLE_HEX_DIGITS = 12;

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

    /** One session: who (with the roles last found in the realm), from where, since when, last seen. */
    private record Session(String handle, Caller caller, String address, Instant created, Instant lastSeen) {
        Session seen(Caller now, Instant at) {
            return new Session(handle, now, address, created, at);
        }
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final UserDirectory users;
    private volatile Duration idle;
    private volatile Duration max;

    @Activate
    public InMemorySessionStore(Config config, @Reference UserDirectory users) {
        this(Clock.systemUTC(), users, Duration.ofMinutes(Math.max(1, config.idleMinutes())),
                Duration.ofHours(Math.max(1, config.maxHours())));
    }

    /** Sessions that are never re-checked against a realm (tests that are not about re-checking). */
    public InMemorySessionStore(Clock clock, Duration idle, Duration max) {
        this(clock, UserDirectory.UNCHECKED, idle, max);
    }

    public InMemorySessionStore(Clock clock, UserDirectory users, Duration idle, Duration max) {
        this.clock = clock;
        this.users = users;
        this.idle = idle;
        this.max = max;
    }

    @Modified
    void modified(Config config) {
        idle = Duration.ofMinutes(Math.max(1, config.idleMinutes()));
        max = Duration.ofHours(Math.max(1, config.maxHours()));
        LOG.info("Web login sessions: end after {} min idle, {} h at most", idle.toMinutes(), max.toHours());
    }

    @Override
    public Created create(Caller caller, String address) {
        if (caller.anonymous() || caller.partnerId().isPresent()) {
            throw new IllegalArgumentException("sessions are for users of the realm, not " + caller.name());
        }
        purgeExpired();
        byte[] bytes = new byte[ID_BYTES];
        random.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        sessions.put(id, new Session(handle(id), caller, address, now, now));
        LOG.info("Web login of user '{}' from {} ({} sessions open)", HttpAuthenticator.printable(caller.name()),
                address, sessions.size());
        return new Created(id, caller, now.plus(max));
    }

    @Override
    public Optional<Caller> caller(String id) {
        if (id == null || id.isEmpty()) {
            return Optional.empty();
        }
        Session found = sessions.get(id);
        if (found == null) {
            return Optional.empty();
        }
        // Looked up outside the map's lock: reading the realm may take a moment once a second.
        UserDirectory.Lookup lookup = users.lookup(found.caller().name());
        Instant now = clock.instant();
        Session updated = sessions.computeIfPresent(id, (k, s) -> {
            if (expired(s, now)) {
                return null;
            }
            Caller current = recheck(s, lookup);
            return current == null ? null : s.seen(current, now);
        });
        return Optional.ofNullable(updated).map(Session::caller);
    }

    @Override
    public Optional<Instant> expiresAt(String id) {
        Session s = id == null ? null : sessions.get(id);
        return s == null ? Optional.empty() : Optional.of(s.created().plus(max));
    }

    @Override
    public boolean end(String id) {
        Session removed = id == null ? null : sessions.remove(id);
        if (removed != null) {
            LOG.info("Web logout of user '{}'", HttpAuthenticator.printable(removed.caller().name()));
        }
        return removed != null;
    }

    @Override
    public List<SessionInfo> sessions() {
        purgeExpired();
        List<SessionInfo> open = new ArrayList<>();
        for (Map.Entry<String, Session> e : sessions.entrySet()) {
            UserDirectory.Lookup lookup = users.lookup(e.getValue().caller().name());
            Session checked = sessions.computeIfPresent(e.getKey(), (k, s) -> {
                Caller current = recheck(s, lookup);
                return current == null ? null : new Session(s.handle(), current, s.address(), s.created(),
                        s.lastSeen());
            });
            if (checked != null) {
                open.add(info(checked));
            }
        }
        open.sort(Comparator.comparing(SessionInfo::created).thenComparing(SessionInfo::handle));
        return open;
    }

    @Override
    public Optional<SessionInfo> endByHandle(String handle) {
        for (Map.Entry<String, Session> e : sessions.entrySet()) {
            if (e.getValue().handle().equals(handle) && sessions.remove(e.getKey(), e.getValue())) {
                LOG.info("Web session {} of user '{}' ended by an administrator", handle,
                        HttpAuthenticator.printable(e.getValue().caller().name()));
                return Optional.of(info(e.getValue()));
            }
        }
        return Optional.empty();
    }

    @Override
    public List<SessionInfo> endUser(String user) {
        List<SessionInfo> ended = new ArrayList<>();
        for (Iterator<Map.Entry<String, Session>> it = sessions.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Session> e = it.next();
            if (e.getValue().caller().name().equals(user)) {
                it.remove();
                ended.add(info(e.getValue()));
            }
        }
        if (!ended.isEmpty()) {
            LOG.info("{} web session(s) of user '{}' ended by an administrator", ended.size(),
                    HttpAuthenticator.printable(user));
        }
        ended.sort(Comparator.comparing(SessionInfo::created).thenComparing(SessionInfo::handle));
        return ended;
    }

    @Override
    public int size() {
        purgeExpired();
        return sessions.size();
    }

    /** The caller with the realm's roles now, or {@code null} when the session must end. */
    private Caller recheck(Session s, UserDirectory.Lookup lookup) {
        Caller caller = s.caller();
        String user = HttpAuthenticator.printable(caller.name());
        switch (lookup.state()) {
            case DELETED -> {
                LOG.info("Web session {} of user '{}' ended: the user no longer exists in the realm", s.handle(),
                        user);
                return null;
            }
            case DISABLED -> {
                LOG.info("Web session {} of user '{}' ended: the user has no roles left (disabled)", s.handle(),
                        user);
                return null;
            }
            case ACTIVE -> {
                if (!lookup.roles().equals(caller.roles())) {
                    LOG.info("Web session {} of user '{}': roles changed in the realm from {} to {}", s.handle(),
                            user, caller.roles(), lookup.roles());
                    return new Caller(caller.name(), lookup.roles());
                }
                return caller;
            }
            default -> {
                return caller;
            }
        }
    }

    private SessionInfo info(Session s) {
        return new SessionInfo(s.handle(), s.caller().name(), s.caller().roles(), s.address(), s.created(),
                s.lastSeen(), earliest(s.lastSeen().plus(idle), s.created().plus(max)));
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private boolean expired(Session s, Instant now) {
        return !now.isBefore(s.lastSeen().plus(idle)) || !now.isBefore(s.created().plus(max));
    }

    private void purgeExpired() {
        Instant now = clock.instant();
        sessions.values().removeIf(s -> expired(s, now));
    }

    /** The administrators' name for a session: a one-way function of its id, so it cannot be used as a cookie. */
    static String handle(String id) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest).substring(0, HANDLE_HEX_DIGITS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
