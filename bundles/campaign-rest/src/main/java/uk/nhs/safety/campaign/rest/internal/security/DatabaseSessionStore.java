package uk.nhs.safety.campaign.rest.internal.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
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
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.nhs.safety.campaign.api.StoreUnavailableException;
import uk.nhs.safety.campaign.api.partner.PartnerDatabase;

/**
 * The {@link SessionStore} in the campaign database ({@code web_session}, see {@link WebTables}), shared by every
 * node: a cookie issued by one node is valid on all, and logout on one ends the session on all. A row holds the
 * SHA-256 of the session id, never the id. Sessions end after {@code idleMinutes} without a request or
 * {@code maxHours} after login, on logout, when an administrator ends them, and as soon as a request finds their user
 * deleted or disabled in the realm ({@link UserDirectory}); expired rows are deleted at the next login or listing.
 *
 * <p>To keep requests cheap, {@code last_seen} is written only when the stored value is a minute old or more, so a
 * session may end up to a minute before {@code idleMinutes} after its very last request. While the database is
 * unavailable every method throws {@link StoreUnavailableException} (the API answers 503): a caller is never taken
 * for logged out because the database did not answer.
 */
@Component(service = SessionStore.class, configurationPid = DatabaseSessionStore.PID)
@Designate(ocd = DatabaseSessionStore.Config.class)
public class DatabaseSessionStore implements SessionStore {

    /** The configuration PID. */
    public static final String PID = "uk.nhs.safety.campaign.rest.session";

    /** How stale {@code last_seen} may get before a request writes it again. */
    static final Duration LAST_SEEN_GRANULARITY = Duration.ofMinutes(1);

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseSessionStore.class);
    private static final int ID_BYTES = 32;
    private static final int HANDLE_HEX_DIGITS = 12;
    private static final int ADDRESS_MAX = 100;
    private static final Pattern HANDLE = Pattern.compile("[0-9a-f]{" + HANDLE_HEX_DIGITS + "}");
    private static final String COLUMNS = "id_hash, user_name, roles, address, created_at, last_seen";

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

    /** One stored session: who (with the roles last found in the realm), from where, since when, last seen. */
    private record Session(String hash, Caller caller, String address, Instant created, Instant lastSeen) {
        String handle() {
            return hash.substring(0, HANDLE_HEX_DIGITS);
        }
    }

    private final SecureRandom random = new SecureRandom();
    private final Supplier<PartnerDatabase> tables;
    private final Clock clock;
    private final UserDirectory users;
    private volatile Duration idle;
    private volatile Duration max;

    @Activate
    public DatabaseSessionStore(Config config, @Reference UserDirectory users, @Reference WebTables tables) {
        this(tables, Clock.systemUTC(), users, Duration.ofMinutes(Math.max(1, config.idleMinutes())),
                Duration.ofHours(Math.max(1, config.maxHours())));
    }

    /** Sessions that are never re-checked against a realm (tests that are not about re-checking). */
    public DatabaseSessionStore(Supplier<PartnerDatabase> tables, Clock clock, Duration idle, Duration max) {
        this(tables, clock, UserDirectory.UNCHECKED, idle, max);
    }

    public DatabaseSessionStore(Supplier<PartnerDatabase> tables, Clock clock, UserDirectory users, Duration idle,
                                Duration max) {
        this.tables = tables;
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
        byte[] bytes = new byte[ID_BYTES];
        random.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        String shortAddress = address == null || address.length() <= ADDRESS_MAX ? address
                : address.substring(0, ADDRESS_MAX);
        int open = db().inTransaction(c -> {
            purgeExpired(c, now);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO web_session (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, hash(id));
                ps.setString(2, caller.name());
                ps.setString(3, roles(caller.roles()));
                ps.setString(4, shortAddress);
                ps.setObject(5, at(now));
                ps.setObject(6, at(now));
                ps.executeUpdate();
            }
            return count(c);
        });
        LOG.info("Web login of user '{}' from {} ({} sessions open)", HttpAuthenticator.printable(caller.name()),
                address, open);
        return new Created(id, caller, now.plus(max));
    }

    @Override
    public Optional<Caller> caller(String id) {
        if (id == null || id.isEmpty()) {
            return Optional.empty();
        }
        String hash = hash(id);
        Optional<Session> found = find(hash);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Session s = found.get();
        Instant now = clock.instant();
        if (expired(s, now)) {
            delete(hash);
            return Optional.empty();
        }
        // Looked up outside any transaction: reading the realm may take a moment once a second.
        Caller current = recheck(s, users.lookup(s.caller().name()));
        if (current == null) {
            delete(hash);
            return Optional.empty();
        }
        boolean rolesChanged = !current.roles().equals(s.caller().roles());
        boolean stale = !now.isBefore(s.lastSeen().plus(LAST_SEEN_GRANULARITY));
        if (rolesChanged || stale) {
            int updated = db().inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE web_session SET roles = ?, last_seen = ? WHERE id_hash = ?")) {
                    ps.setString(1, roles(current.roles()));
                    ps.setObject(2, at(stale ? now : s.lastSeen()));
                    ps.setString(3, hash);
                    return ps.executeUpdate();
                }
            });
            if (updated == 0) {
                return Optional.empty(); // ended on another node meanwhile
            }
        }
        return Optional.of(current);
    }

    @Override
    public Optional<Instant> expiresAt(String id) {
        if (id == null || id.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return find(hash(id)).filter(s -> !expired(s, now)).map(s -> s.created().plus(max));
    }

    @Override
    public boolean end(String id) {
        if (id == null || id.isEmpty()) {
            return false;
        }
        String hash = hash(id);
        Optional<Session> found = find(hash);
        boolean ended = delete(hash) > 0;
        if (ended) {
            LOG.info("Web logout of user '{}'", HttpAuthenticator.printable(
                    found.map(s -> s.caller().name()).orElse("?")));
        }
        return ended;
    }

    @Override
    public List<SessionInfo> sessions() {
        Instant now = clock.instant();
        List<Session> stored = db().inTransaction(c -> {
            purgeExpired(c, now);
            return select(c, "", ps -> { });
        });
        List<SessionInfo> open = new ArrayList<>();
        for (Session s : stored) {
            Caller current = recheck(s, users.lookup(s.caller().name()));
            if (current == null) {
                delete(s.hash());
            } else {
                if (!current.roles().equals(s.caller().roles())) {
                    db().inTransaction(c -> {
                        try (PreparedStatement ps = c.prepareStatement(
                                "UPDATE web_session SET roles = ? WHERE id_hash = ?")) {
                            ps.setString(1, roles(current.roles()));
                            ps.setString(2, s.hash());
                            return ps.executeUpdate();
                        }
                    });
                }
                open.add(info(new Session(s.hash(), current, s.address(), s.created(), s.lastSeen())));
            }
        }
        open.sort(Comparator.comparing(SessionInfo::created).thenComparing(SessionInfo::handle));
        return open;
    }

    @Override
    public Optional<SessionInfo> endByHandle(String handle) {
        if (handle == null || !HANDLE.matcher(handle).matches()) {
            return Optional.empty();
        }
        Optional<Session> ended = db().inTransaction(c -> {
            for (Session s : select(c, " WHERE id_hash LIKE ?", ps -> ps.setString(1, handle + "%"))) {
                if (deleteRow(c, s.hash()) > 0) {
                    return Optional.of(s);
                }
            }
            return Optional.<Session>empty();
        });
        ended.ifPresent(s -> LOG.info("Web session {} of user '{}' ended by an administrator", handle,
                HttpAuthenticator.printable(s.caller().name())));
        return ended.map(this::info);
    }

    @Override
    public List<SessionInfo> endUser(String user) {
        List<Session> ended = db().inTransaction(c -> {
            List<Session> found = select(c, " WHERE user_name = ?", ps -> ps.setString(1, user));
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM web_session WHERE user_name = ?")) {
                ps.setString(1, user);
                ps.executeUpdate();
            }
            return found;
        });
        if (!ended.isEmpty()) {
            LOG.info("{} web session(s) of user '{}' ended by an administrator", ended.size(),
                    HttpAuthenticator.printable(user));
        }
        List<SessionInfo> infos = new ArrayList<>(ended.stream().map(this::info).toList());
        infos.sort(Comparator.comparing(SessionInfo::created).thenComparing(SessionInfo::handle));
        return infos;
    }

    @Override
    public int size() {
        Instant now = clock.instant();
        return db().inTransaction(c -> {
            purgeExpired(c, now);
            return count(c);
        });
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

    private PartnerDatabase db() {
        return tables.get();
    }

    private Optional<Session> find(String hash) {
        return db().read(c -> select(c, " WHERE id_hash = ?", ps -> ps.setString(1, hash)).stream().findFirst());
    }

    private int delete(String hash) {
        return db().inTransaction(c -> deleteRow(c, hash));
    }

    private static int deleteRow(Connection c, String hash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM web_session WHERE id_hash = ?")) {
            ps.setString(1, hash);
            return ps.executeUpdate();
        }
    }

    @FunctionalInterface
    private interface Params {
        void set(PreparedStatement ps) throws SQLException;
    }

    private static List<Session> select(Connection c, String where, Params params) throws SQLException {
        List<Session> found = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM web_session" + where)) {
            params.set(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new Session(rs.getString("id_hash"), new Caller(rs.getString("user_name"),
                            roles(rs.getString("roles"))), rs.getString("address"),
                            rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                            rs.getObject("last_seen", OffsetDateTime.class).toInstant()));
                }
            }
        }
        return found;
    }

    private static int count(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM web_session");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Deletes the sessions idle for {@code idle} or older than {@code max} (as {@link #expired} judges them). */
    private void purgeExpired(Connection c, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM web_session WHERE last_seen <= ? OR created_at <= ?")) {
            ps.setObject(1, at(now.minus(idle)));
            ps.setObject(2, at(now.minus(max)));
            ps.executeUpdate();
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

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String roles(Set<String> roles) {
        return String.join("\n", new TreeSet<>(roles));
    }

    private static Set<String> roles(String stored) {
        return stored == null || stored.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(stored.split("\n")));
    }

    /** The stored form of a session id: SHA-256 in hex. */
    static String hash(String id) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** The administrators' name for a session: a one-way function of its id, so it cannot be used as a cookie. */
    static String handle(String id) {
        return hash(id).substring(0, HANDLE_HEX_DIGITS);
    }
}
