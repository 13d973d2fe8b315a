package uk.nhs.safety.campaign.console.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import uk.nhs.safety.campaign.api.partner.PartnerInfo;
import uk.nhs.safety.campaign.api.partner.PartnerRegistry;

/** Lists the partner integrations installed now, with their health, and the exporters and importers they offer. */
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
        if (!partnerRegistry.exporters().isEmpty()) {
            System.out.println();
            ShellTable exporters = new ShellTable();
            exporters.column("Exporter");
            exporters.column("Partner");
            exporters.column("Formats");
            exporters.column(new WordWrapColumn("Description", 70));
            partnerRegistry.exporters().forEach(e -> exporters.addRow().addContent(e.name(), e.partnerId(),
                    String.join(", ", e.formats()), e.description()));
            exporters.print(System.out);
        }
        if (!partnerRegistry.importers().isEmpty()) {
            System.out.println();
            ShellTable importers = new ShellTable();
            importers.column("Importer");
            importers.column("Partner");
            importers.column("Reads");
            importers.column(new WordWrapColumn("Description", 70));
            partnerRegistry.importers().forEach(i -> importers.addRow().addContent(i.name(), i.partnerId(),
                    String.join(", ", i.mediaTypes()), i.description()));
            importers.print(System.out);
        }
    }
}
