package uk.nhs.safety.campaign.rest.internal.security;

import java.util.Set;

/**
 * Where the users of open sessions are looked up again, so that deleting a user, disabling it or changing its roles
 * applies to its sessions at once. Implemented over the JAAS realm's backing engine ({@link RealmUserDirectory}).
 */
public interface UserDirectory {

    /** What the realm says about a user now. */
    enum State {
        /** The user exists and has at least one role. */
        ACTIVE,
        /** The user exists but has no role at all: treated as disabled (Karaf's file realm has no other flag). */
        DISABLED,
        /** The realm has no such user. */
        DELETED,
        /** The realm cannot be read (no backing engine for its login modules): sessions keep their login roles. */
        UNKNOWN
    }

    /**
     * @param state what the realm says
     * @param roles the user's roles now, empty unless {@link State#ACTIVE}
     */
    record Lookup(State state, Set<String> roles) {

        public static final Lookup DELETED = new Lookup(State.DELETED, Set.of());
        public static final Lookup UNKNOWN = new Lookup(State.UNKNOWN, Set.of());

        public Lookup {
            roles = Set.copyOf(roles);
        }

        /** A user with these roles: active, or disabled when there are none. */
        public static Lookup of(Set<String> roles) {
            return new Lookup(roles.isEmpty() ? State.DISABLED : State.ACTIVE, roles);
        }
    }

    /** A directory that cannot tell: every session keeps the roles it had at login. */
    UserDirectory UNCHECKED = user -> Lookup.UNKNOWN;

    /** Looks the user up; cheap enough to call on every request (implementations cache for at most a second). */
    Lookup lookup(String user);
}
