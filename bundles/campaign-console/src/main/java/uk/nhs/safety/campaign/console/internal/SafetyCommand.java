package uk.nhs.safety.campaign.console.internal;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.console.Session;

import uk.nhs.safety.partner.support.console.ConsoleCommand;

/**
 * Base of every {@code safety:*} command: the shell user as actor; expected failures are reported as by every
 * partner's commands ({@link ConsoleCommand}).
 */
public abstract class SafetyCommand extends ConsoleCommand {

    /** Karaf's session variable holding the logged-in user's name. */
    static final String USER = "USER";

    @Reference
    Session session;

    /** Who is acting, for the audit trail: the shell user. */
    protected final String actor() {
        return ConsoleSupport.actor(session == null ? null : session.get(USER));
    }
}
