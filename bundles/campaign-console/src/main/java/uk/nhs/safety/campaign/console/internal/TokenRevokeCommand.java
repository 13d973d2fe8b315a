package uk.nhs.safety.campaign.console.internal;

import java.time.ZoneId;
import java.util.Optional;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import uk.nhs.safety.campaign.api.access.ApiToken;
import uk.nhs.safety.campaign.api.access.ApiTokenService;

/** Revokes a partner API token: requests bearing its secret are refused from now on. */
@Service
@Command(scope = "safety", name = "token-revoke", description = "Revokes a partner API token")
public class TokenRevokeCommand extends SafetyCommand {

    @Reference
    ApiTokenService apiTokenService;

    @Argument(index = 0, name = "token-id", description = "The token's id (see safety:token-list)", required = true)
    @Completion(TokenIdCompleter.class)
    String tokenId;

    @Override
    protected void run() {
        long id = ConsoleSupport.parseId("token-id", tokenId);
        // Read first only to tell the user whether this call revoked it; the service itself is idempotent.
        Optional<ApiToken> before = apiTokenService.tokens().stream().filter(t -> t.id() == id).findFirst();
        ApiToken token = apiTokenService.revoke(actor(), id);
        String what = "API token " + token.id() + " of partner " + token.partnerId()
                + (token.label() == null ? "" : " (" + token.label() + ")");
        String when = ConsoleSupport.timestamp(token.revokedAt(), ZoneId.systemDefault());
        if (before.isPresent() && before.get().revoked()) {
            System.out.println(what + " was already revoked at " + when + "; nothing changed.");
        } else {
            System.out.println("Revoked " + what + " at " + when + ".");
        }
    }
}
