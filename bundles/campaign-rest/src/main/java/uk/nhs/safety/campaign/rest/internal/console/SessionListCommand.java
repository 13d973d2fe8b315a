package uk.nhs.safety.campaign.rest.internal.console;

import java.util.TreeSet;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import uk.nhs.safety.campaign.rest.internal.security.SessionStore;
import uk.nhs.safety.campaign.rest.internal.security.SessionStore.SessionInfo;

/**
 * Lists the open web login sessions, oldest login first, each re-checked against the realm (sessions of deleted or
 * disabled users are gone from the list). Shows a session's handle, never its id: the id is the cookie's value.
 */
@Service
@Command(scope = "safety", name = "session-list", description = "Lists open web login sessions (never their ids)")
public class SessionListCommand extends SessionCommand {

    @Reference
    SessionStore sessions;

    @Option(name = "--user", description = "Only this user's sessions")
    String user;

    @Override
    protected void run() {
        ShellTable table = new ShellTable().emptyTableText("no open web sessions");
        table.column("Handle");
        table.column("User");
        table.column("Roles").maxSize(40).wrap();
        table.column("Address");
        table.column("Created");
        table.column("Last seen");
        table.column("Expires");
        for (SessionInfo s : sessions.sessions()) {
            if (user != null && !user.equals(s.user())) {
                continue;
            }
            table.addRow().addContent(s.handle(), printable(s.user()),
                    printable(String.join(", ", new TreeSet<>(s.roles()))), printable(s.address()),
                    timestamp(s.created()), timestamp(s.lastSeen()), timestamp(s.expiresAt()));
        }
        table.print(System.out);
    }
}
