package uk.nhs.safety.partner.support.console;

import java.io.IOException;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.CommandException;

import uk.nhs.safety.campaign.api.CampaignException;

/**
 * Base of every console command of core ({@code safety:*}) and of the partners ({@code cqc:*}, {@code nhsla:*},
 * {@code nhsi:*}, and a partner body's own): one audit actor and one way of reporting expected failures.
 *
 * <p>An expected failure (refused input, unknown member, stale version, a file that cannot be read or written)
 * becomes a {@link CommandException} whose text is the clear lines of {@link ConsoleErrors}, starting {@code Error:}.
 * Karaf prints that text as it is, without a stack trace or an error in the log, on the session's output, which
 * {@code bin/client} shows (with {@code -b} too); and a command run through {@code bin/client} (or
 * {@code ssh host command}) that fails so ends the client with exit status 1. A script of several commands stops at
 * the first that fails. Anything else is a bug and is left to Karaf, which logs it.
 */
public abstract class ConsoleCommand implements Action {

    /** Karaf's session variable holding the logged-in user's name. */
    public static final String USER = "USER";

    /** The actor recorded when the shell session carries no user (e.g. a local console without JAAS). */
    public static final String DEFAULT_ACTOR = "karaf";

    /** The shell session, set by Karaf (or by {@link #in(Session)} outside it). */
    @Reference
    Session session;

    @Override
    public final Object execute() throws CommandException, IOException {
        try {
            run();
        } catch (CampaignException e) {
            throw failure(ConsoleErrors.lines(e));
        } catch (IOException e) {
            throw failure(List.of(ConsoleErrors.line(e)));
        }
        return null;
    }

    /** Does the command's work, printing its result to {@code System.out}. */
    protected abstract void run() throws IOException;

    /** Runs this command in the given session from now on (for a caller outside Karaf, e.g. a test). */
    public final void in(Session session) {
        this.session = session;
    }

    /** Who is acting, for the audit trail: the shell session's user, or {@value #DEFAULT_ACTOR} without one. */
    protected final String actor() {
        return actor(session == null ? null : session.get(USER));
    }

    /** The shell user as the audit trail's actor; the session variable may be absent on a bare local console. */
    public static String actor(Object user) {
        String name = user == null ? "" : user.toString().trim();
        return name.isEmpty() ? DEFAULT_ACTOR : name;
    }

    /** The exception Karaf reports as the given lines (its "nice help", printed as it is) and exit status 1. */
    static CommandException failure(List<String> lines) {
        String text = String.join("\n", lines);
        return new CommandException(text, text);
    }
}
