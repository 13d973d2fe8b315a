package uk.nhs.safety.campaign.rest.internal.console;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import uk.nhs.safety.campaign.rest.internal.security.SessionStore;

/** Completes the handles of open web sessions. */
@Service
public class SessionHandleCompleter implements Completer {

    @Reference
    SessionStore sessions;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        List<String> handles = sessions.sessions().stream().map(SessionStore.SessionInfo::handle).toList();
        return new StringsCompleter(handles, false).complete(session, commandLine, candidates);
    }
}
