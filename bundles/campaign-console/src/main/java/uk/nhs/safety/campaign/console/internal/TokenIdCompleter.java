package uk.nhs.safety.campaign.console.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import uk.nhs.safety.campaign.api.access.ApiToken;
import uk.nhs.safety.campaign.api.access.ApiTokenService;

/** Completes the ids of tokens not yet revoked: the only ones worth revoking. */
@Service
public class TokenIdCompleter implements Completer {

    @Reference
    ApiTokenService apiTokenService;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        List<String> ids = apiTokenService.tokens().stream().filter(t -> !t.revoked())
                .map(t -> String.valueOf(t.id())).toList();
        return new StringsCompleter(ids, false).complete(session, commandLine, candidates);
    }
}
