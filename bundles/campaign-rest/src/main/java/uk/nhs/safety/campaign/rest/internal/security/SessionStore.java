package uk.nhs.safety.campaign.rest.internal.security;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Login sessions of the web pages: a user who logs in through the login form ({@code POST /api/v1/session}) gets an
 * unguessable session id in an {@code HttpOnly}, {@code SameSite=Strict} cookie; later requests carrying the cookie act
 * as that user. On every such request the user is looked up again in the realm ({@link UserDirectory}): a deleted
 * or disabled (role-less) user's sessions end, and changed roles apply at once. Sessions end after an idle time, a
 * longest duration, on logout, and by an administrator ({@code safety:session-end}).
 *
 * <p>Kept in the database ({@link DatabaseSessionStore}), so that every node knows every session. Implementations
 * are thread-safe; while the database is unavailable they throw
 * {@link uk.nhs.safety.campaign.api.StoreUnavailableException}, never answer as if the session had ended.
 */
public interface SessionStore {

    /** The cookie's name. */
    String COOKIE = "safety_session";

    /** A new session: its id (the cookie's value), the caller, and when it ends at the latest. */
    record Created(String id, Caller caller, Instant expiresAt) {
        @Override
        public String toString() {
            return "Created[caller=" + caller.name() + ", expiresAt=" + expiresAt + "]";
        }
    }

    /**
     * An open session as administrators see it: never its id (which would let them act as the user), only a short
     * handle derived from it by a one-way hash.
     *
     * @param handle    12 hexadecimal digits, the start of the SHA-256 of the session id
     * @param user      the user name
     * @param roles     the user's roles now
     * @param address   the address the login came from, or {@code null} when unknown
     * @param created   when the user logged in
     * @param lastSeen  the last request with the session
     * @param expiresAt when it ends at the latest without further requests
     */
    record SessionInfo(String handle, String user, Set<String> roles, String address, Instant created,
                       Instant lastSeen, Instant expiresAt) {
        public SessionInfo {
            roles = Set.copyOf(roles);
        }
    }

    /**
     * Starts a session for an authenticated user (never for anonymous callers or partner tokens).
     *
     * @param address the client's address, shown to administrators; may be {@code null}
     */
    Created create(Caller caller, String address);

    /**
     * The caller of a live session with the roles the realm gives the user now; counts as activity. Empty for an
     * unknown or ended session, and for a user deleted or disabled since (the session ends).
     */
    Optional<Caller> caller(String id);

    /** When a live session ends at the latest. */
    Optional<Instant> expiresAt(String id);

    /** Ends a session (logout); true when there was one. */
    boolean end(String id);

    /** The open sessions (each re-checked against the realm first), oldest login first. */
    List<SessionInfo> sessions();

    /** Ends the session with this handle (see {@link SessionInfo#handle()}); empty when there is none. */
    Optional<SessionInfo> endByHandle(String handle);

    /** Ends every session of this user; the sessions that were ended. */
    List<SessionInfo> endUser(String user);

    /** Sessions open now. */
    int size();
}
