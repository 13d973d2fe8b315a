package uk.nhs.safety.campaign.rest.internal.security;

import java.security.Principal;
import java.util.Optional;
import java.util.Set;

/** Checks a user name and password against a JAAS realm. A seam so the authenticator can be tested without JAAS. */
interface PasswordCheck {

    /**
     * @param realm    the JAAS realm (login configuration entry), e.g. {@code karaf}
     * @param user     the user name, never blank
     * @param password the password; the caller clears the array afterwards
     * @return the authenticated subject's principals when the realm accepts the password, empty when it refuses it
     * @throws IllegalStateException when the realm cannot check passwords at all (no such realm, a login module
     *                               failing for a reason other than the credentials): a server fault, not a refusal
     */
    Optional<Set<Principal>> check(String realm, String user, char[] password);
}
