package uk.nhs.safety.campaign.console.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import uk.nhs.safety.campaign.api.partner.PartnerInfo;
import uk.nhs.safety.campaign.api.partner.PartnerRegistry;

/** Lists the partner integrations installed now, with their health. */
@Service
@Command(scope = "safety", name = "partner-list", description = "Lists installed partner integrations and their health")
public class PartnerListCommand extends SafetyCommand {

    @Reference
    PartnerRegistry partnerRegistry;

    @Override
    protected void run() {
        ShellTable table = new ShellTable().emptyTableText("no partner integrations installed");
        table.column("Id");
        table.column("Name");
        table.column("Version");
        table.column("Bundle");
        table.column("Health");
        table.column(new WordWrapColumn("Detail", 60));
        for (PartnerInfo p : partnerRegistry.partners()) {
            table.addRow().addContent(p.id(), p.name(), p.version(), p.bundle(),
                    p.health() == null ? "" : p.health().status(),
                    p.health() == null ? "" : ConsoleSupport.text(p.health().detail()));
        }
        table.print(System.out);
    }
}
