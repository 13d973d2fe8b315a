package uk.nhs.safety.campaign.rest.internal.console;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import uk.nhs.safety.campaign.rest.internal.security.SessionStore;
import uk.nhs.safety.campaign.rest.internal.security.SessionStore.SessionInfo;

/**
 * Ends a web login session by its handle (or a unique start of it, at least {@value #MIN_PREFIX} digits), or every
 * session of a user with {@code --user}: the next request with such a cookie is anonymous.
 */
@Service
@Command(scope = "safety", name = "session-end", description = "Ends a web login session, or all of a user's")
public class SessionEndCommand extends SessionCommand {

    static final int MIN_PREFIX = 6;
    private static final Pattern HEX = Pattern.compile("[0-9a-f]+");

    @Reference
    SessionStore sessions;

    @Option(name = "--user", description = "End every session of this user (instead of one handle)")
    String user;

    @Argument(index = 0, name = "handle", description = "The session's handle (see safety:session-list)")
    @Completion(SessionHandleCompleter.class)
    String handle;

    @Override
    protected void run() {
        if ((user == null) == (handle == null)) {
            throw new IllegalArgumentException("give either a session handle or --user NAME (see safety:session-list)");
        }
        if (user != null) {
            endUser();
        } else {
            endHandle();
        }
    }

    private void endUser() {
        if (user.isBlank()) {
            throw new IllegalArgumentException("--user '" + printable(user) + "': must not be blank");
        }
        List<SessionInfo> ended = sessions.endUser(user);
        if (ended.isEmpty()) {
            System.out.println("No open session of user '" + printable(user) + "'; nothing changed.");
            return;
        }
        System.out.println("Ended " + ended.size() + (ended.size() == 1 ? " session" : " sessions") + " of user '"
                + printable(user) + "': " + String.join(", ", ended.stream().map(SessionInfo::handle).toList())
                + ".");
    }

    private void endHandle() {
        String wanted = handle.strip().toLowerCase(Locale.ROOT);
        if (wanted.length() < MIN_PREFIX || !HEX.matcher(wanted).matches()) {
            throw new IllegalArgumentException("handle '" + printable(handle) + "': expected at least " + MIN_PREFIX
                    + " hexadecimal digits of a handle shown by safety:session-list");
        }
        List<SessionInfo> matches = sessions.sessions().stream().filter(s -> s.handle().startsWith(wanted)).toList();
        if (matches.isEmpty()) {
            throw new IllegalArgumentException("handle '" + printable(handle) + "': no open session (see"
                    + " safety:session-list)");
        }
        if (matches.size() > 1) {
            throw new IllegalArgumentException("handle '" + printable(handle) + "': " + matches.size()
                    + " sessions start with it; give more digits");
        }
        SessionInfo target = matches.get(0);
        if (sessions.endByHandle(target.handle()).isEmpty()) {
            System.out.println("Session " + target.handle() + " had already ended; nothing changed.");
            return;
        }
        System.out.println("Ended session " + target.handle() + " of user '" + printable(target.user()) + "'"
                + (target.address() == null ? "" : " (from " + printable(target.address()) + ")") + ".");
    }
}
