package uk.nhs.safety.campaign.console.internal;

import java.io.IOException;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.console.Session;

import uk.nhs.safety.campaign.api.CampaignException;

/**
 * Base of every {@code safety:*} command: the shell user as actor, and one way of reporting expected failures.
 *
 * <p>Expected failures (refused input, unknown member, stale version, unreadable file) become one clear line starting
 * {@code Error:} on {@code System.out} instead of Karaf's stack-trace report: standard output, because what a command
 * writes to standard error never reaches {@code bin/client -b} or {@code ssh host command}, so a script would see
 * nothing. Anything else is a bug and is left to Karaf, which logs it.
 */
public abstract class SafetyCommand implements Action {

    /** Karaf's session variable holding the logged-in user's name. */
    static final String USER = "USER";

    @Reference
    Session session;

    @Override
    public final Object execute() throws Exception {
        try {
            run();
        } catch (CampaignException e) {
            ConsoleSupport.print(System.out, ConsoleSupport.errorLines(e));
        } catch (IOException e) {
            System.out.println(ConsoleSupport.errorLine(e));
        }
        return null;
    }

    /** Does the command's work, printing its result to {@code System.out}. */
    protected abstract void run() throws IOException;

    /** Who is acting, for the audit trail: the shell user. */
    protected final String actor() {
        return ConsoleSupport.actor(session == null ? null : session.get(USER));
    }
}
