package uk.nhs.safety.campaign.console.internal;

import java.time.ZoneId;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import uk.nhs.safety.campaign.api.access.ApiToken;
import uk.nhs.safety.campaign.api.access.ApiTokenService;

/** Lists partner API tokens, newest first, revoked ones included. Secrets are never stored, so never shown. */
@Service
@Command(scope = "safety", name = "token-list", description = "Lists partner API tokens (never their secrets)")
public class TokenListCommand extends SafetyCommand {

    @Reference
    ApiTokenService apiTokenService;

    @Override
    protected void run() {
        ZoneId zone = ZoneId.systemDefault();
        ShellTable table = new ShellTable().emptyTableText("no API tokens");
        table.column("Id").alignRight();
        table.column("Partner");
        table.column(new WordWrapColumn("Label", 40));
        table.column("Created");
        table.column("By");
        table.column("Last used");
        table.column("Revoked");
        for (ApiToken t : apiTokenService.tokens()) {
            table.addRow().addContent(t.id(), t.partnerId(), ConsoleSupport.text(t.label()),
                    ConsoleSupport.timestamp(t.createdAt(), zone), t.createdBy(),
                    ConsoleSupport.timestamp(t.lastUsed(), zone), ConsoleSupport.timestamp(t.revokedAt(), zone));
        }
        table.print(System.out);
    }
}
