package uk.nhs.safety.partner.nhsi.internal.command;

import java.util.Locale;
import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import uk.nhs.safety.partner.support.console.ConsoleCommand;
import uk.nhs.safety.campaign.api.NotFoundException;
import uk.nhs.safety.partner.nhsi.internal.NhsiService;
import uk.nhs.safety.partner.nhsi.internal.catalogue.Catalogue;

/** The national priorities catalogue in force (or a bundled version). */
@Service
@Command(scope = "nhsi", name = "catalogue", description = "Shows the national patient-safety catalogue: priorities"
        + " with the focus areas that address them, or the Never Events, the collaboratives, the components")
public class CatalogueCommand extends ConsoleCommand {

    @Reference
    NhsiService service;

    @Option(name = "--version", description = "A bundled version (default: the one in force)")
    String version;

    @Option(name = "--show", description = "priorities (default), never-events, collaboratives, components,"
            + " categories or versions")
    String show = "priorities";

    @Override
    protected void run() {
        Catalogue c = version == null ? service.catalogue() : service.catalogues().stream()
                .filter(x -> x.version().equals(version)).findFirst()
                .orElseThrow(() -> new NotFoundException("no catalogue version " + version));
        ShellTable t = new ShellTable();
        switch (show) {
            case "never-events" -> {
                t.column("#").alignRight();
                t.column("Group");
                t.column("Never Event");
                c.neverEvents().forEach(n -> t.addRow().addContent(n.number(), n.group(), n.name()));
            }
            case "collaboratives" -> {
                t.column("Key");
                t.column("Collaborative").maxSize(50).wrap();
                t.column("Host").maxSize(40).wrap();
                t.column("Postcode areas");
                c.collaboratives().forEach(p -> t.addRow().addContent(p.key(), p.name(), p.host(),
                        String.join(" ", p.postcodeAreas())));
            }
            case "components" -> {
                t.column("Key");
                t.column("Since");
                t.column("Component").maxSize(70).wrap();
                c.components().forEach(p -> t.addRow().addContent(p.key(), p.since(), p.name()));
            }
            case "categories" -> {
                t.column("Key");
                t.column("NRLS");
                t.column("Label").maxSize(70).wrap();
                c.incidentCategories().forEach(p -> t.addRow().addContent(p.key(), p.nrls() ? "yes" : "no",
                        p.label()));
            }
            case "versions" -> {
                t.column("Version");
                t.column("Published");
                t.column("In force");
                service.catalogues().forEach(x -> t.addRow().addContent(x.version(), x.published(),
                        x.version().equals(service.catalogue().version()) ? "yes" : ""));
            }
            default -> {
                t.column("Priority");
                t.column("Component");
                t.column("Focus areas");
                t.column("Applies to").maxSize(30).wrap();
                t.column("Expected of").maxSize(45).wrap();
                c.priorities().forEach(p -> t.addRow().addContent(p.key(), p.component(),
                        String.join(" ", p.focusAreas()),
                        p.appliesTo().stream().map(x -> x.name().toLowerCase(Locale.ROOT))
                                .collect(Collectors.joining(" ")),
                        p.expectedFor().stream().map(x -> x.name().toLowerCase(Locale.ROOT))
                                .collect(Collectors.joining(" "))
                                + (p.trigger() == null ? "" : (p.expectedFor().isEmpty() ? "" : "; ") + "incidents: "
                                + String.join(" ", p.trigger().categories()) + " >= " + p.trigger().minIncidents()
                                + (p.trigger().minSharePercent() > 0 ? " and " + p.trigger().minSharePercent() + "%"
                                : ""))));
            }
        }
        t.print(System.out);
        System.out.println("Catalogue " + c.version() + " (published " + c.published() + "): " + c.priorities().size()
                + " priorities, " + c.neverEvents().size() + " Never Events, " + c.collaboratives().size()
                + " Patient Safety Collaboratives");
    }
}
