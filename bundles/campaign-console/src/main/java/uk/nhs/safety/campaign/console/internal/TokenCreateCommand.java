package uk.nhs.safety.campaign.console.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import uk.nhs.safety.campaign.api.access.ApiToken;
import uk.nhs.safety.campaign.api.access.ApiTokenService;
import uk.nhs.safety.campaign.api.access.IssuedToken;

/**
 * Creates a partner API token and shows its secret, once. The secret is printed alone on a line starting
 * {@value #SECRET_LINE} so scripts (and the end-to-end tests) can pick it out.
 */
@Service
@Command(scope = "safety", name = "token-create",
        description = "Creates an API token for a partner system and shows its secret (only this once)")
public class TokenCreateCommand extends SafetyCommand {

    /** The start of the line that carries the secret. */
    static final String SECRET_LINE = "Secret: ";

    @Reference
    ApiTokenService apiTokenService;

    @Argument(index = 0, name = "partner-id", description = "The partner the token acts for, e.g. cqc",
            required = true)
    @Completion(PartnerIdCompleter.class)
    String partnerId;

    @Argument(index = 1, name = "label", description = "What the token is for, e.g. \"CQC evidence sync\"")
    String label;

    @Override
    protected void run() {
        IssuedToken issued = apiTokenService.create(actor(), partnerId, label);
        ApiToken token = issued.token();
        System.out.println("Created API token " + token.id() + " for partner " + token.partnerId()
                + (token.label() == null ? "" : " (" + token.label() + ")") + ".");
        System.out.println(SECRET_LINE + issued.secret());
        System.out.println("Copy the secret now: it is stored only as a hash and cannot be shown again.");
        System.out.println("The partner sends it as the header   Authorization: Bearer <secret>");
        System.out.println("Revoke it with   safety:token-revoke " + token.id());
    }
}
