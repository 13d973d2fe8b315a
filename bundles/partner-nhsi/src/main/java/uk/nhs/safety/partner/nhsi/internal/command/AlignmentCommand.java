package uk.nhs.safety.partner.nhsi.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import uk.nhs.safety.partner.support.console.ConsoleCommand;
import uk.nhs.safety.partner.nhsi.internal.NhsiService;
import uk.nhs.safety.partner.nhsi.internal.alignment.Alignment;
import uk.nhs.safety.partner.nhsi.internal.alignment.Alignment.PriorityAlignment;

/** A member's alignment with the national priorities. */
@Service
@Command(scope = "nhsi", name = "alignment", description = "Shows which national priorities a member's published"
        + " plan addresses, which it is expected to, its coverage score and its Patient Safety Collaborative")
public class AlignmentCommand extends ConsoleCommand {

    @Reference
    NhsiService service;

    @Argument(index = 0, name = "ods", description = "The member's ODS code", required = true)
    @Completion(OdsCompleter.class)
    String ods;

    @Override
    protected void run() {
        Alignment a = service.alignment(ods);
        ShellTable table = new ShellTable();
        table.column("Priority");
        table.column("Applies");
        table.column("Expected");
        table.column("Addressed");
        table.column("Evidence / why expected").maxSize(70).wrap();
        for (PriorityAlignment p : a.priorities()) {
            String detail = p.addressed() ? String.join("; ", p.evidence()) : p.why() == null ? "" : p.why();
            table.addRow().addContent(p.key(), p.applies() ? "yes" : "-", p.expected() ? "yes" : "-",
                    p.addressed() ? "yes" : p.gap() ? "NO (gap)" : "no", detail);
        }
        table.print(System.out);
        System.out.println(a.odsCode() + " " + a.name() + " (" + a.type().label() + ", "
                + (a.region() == null ? "no region" : a.region()) + "): plan " + a.planStatus()
                + (a.planVersion() > 0 ? " v" + a.planVersion() : "") + ", catalogue " + a.catalogueVersion());
        System.out.println("Coverage: " + (a.coverage() == null ? "n/a (no priority expected)"
                : a.coverage() + "% (" + a.expectedAddressed() + " of " + a.expected() + " expected priorities)"));
        System.out.println("Collaborative: " + (a.collaborative().key() == null ? "none" : a.collaborative().name())
                + " (" + a.collaborative().how() + ")");
        System.out.println("Rule: " + Alignment.RULE);
    }
}
