package uk.nhs.safety.campaign.console.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import uk.nhs.safety.campaign.api.CampaignException;
import uk.nhs.safety.campaign.api.access.ApiToken;
import uk.nhs.safety.campaign.api.access.ApiTokenService;
import uk.nhs.safety.campaign.api.access.IssuedToken;
import uk.nhs.safety.campaign.api.partner.PartnerInfo;
import uk.nhs.safety.campaign.api.partner.PartnerRegistry;

/**
 * Creates a partner API token and shows its secret, once. The secret is printed alone on a line starting
 * {@value #SECRET_LINE} so scripts (and the end-to-end tests) can pick it out. Only for a partner installed now
 * (running or not), unless {@code --allow-unknown} registers a token ahead of the partner's install.
 */
@Service
@Command(scope = "safety", name = "token-create",
        description = "Creates an API token for a partner system and shows its secret (only this once)")
public class TokenCreateCommand extends SafetyCommand {

    /** The start of the line that carries the secret. */
    static final String SECRET_LINE = "Secret: ";

    @Reference
    ApiTokenService apiTokenService;

    @Reference
    PartnerRegistry partnerRegistry;

    @Option(name = "--allow-unknown", description = "Create the token although no partner with this id is installed"
            + " (ahead of its install)")
    boolean allowUnknown;

    @Argument(index = 0, name = "partner-id", description = "The partner the token acts for, e.g. cqc",
            required = true)
    @Completion(PartnerIdCompleter.class)
    String partnerId;

    @Argument(index = 1, name = "label", description = "What the token is for, e.g. \"CQC evidence sync\"")
    String label;

    @Override
    protected void run() {
        if (!allowUnknown && partnerRegistry.partner(partnerId).isEmpty()) {
            List<String> installed = partnerRegistry.partners().stream().map(PartnerInfo::id).distinct().toList();
            throw new CampaignException("partner-id '" + partnerId + "': no such partner is installed (installed: "
                    + (installed.isEmpty() ? "none" : String.join(", ", installed)) + "); check the id, or give"
                    + " --allow-unknown to create a token ahead of the partner's install");
        }
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
