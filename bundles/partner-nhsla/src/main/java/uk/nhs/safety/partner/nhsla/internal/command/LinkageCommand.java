package uk.nhs.safety.partner.nhsla.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import uk.nhs.safety.partner.support.console.ConsoleCommand;
import uk.nhs.safety.partner.nhsla.internal.Money;
import uk.nhs.safety.partner.nhsla.internal.NhslaService;
import uk.nhs.safety.partner.nhsla.internal.profile.Linkage;

/** Which of a member's high claim areas its published plan addresses. */
@Service
@Command(scope = "nhsla", name = "linkage", description = "Shows which of a member's high-volume and high-value"
        + " claim areas its published plan addresses, and the claims value behind each")
public class LinkageCommand extends ConsoleCommand {

    @Reference
    NhslaService service;

    @Option(name = "--from", description = "First financial year")
    Integer from;

    @Option(name = "--to", description = "Last financial year (default: the current one)")
    Integer to;

    @Argument(index = 0, name = "ods", description = "The member's ODS code", required = true)
    @Completion(OdsCompleter.class)
    String ods;

    @Override
    protected void run() {
        Linkage l = service.linkage(ods, from, to);
        ShellTable table = new ShellTable().emptyTableText("no high claim areas (no claims in these years)");
        table.column("Specialty");
        table.column("High");
        table.column("Claims").alignRight();
        table.column("Value").alignRight();
        table.column("Focus areas (claims value)");
        table.column("Addressed");
        for (Linkage.AreaLink a : l.areas()) {
            StringBuilder focus = new StringBuilder();
            for (Linkage.FocusLink f : a.links()) {
                focus.append(focus.length() > 0 ? ", " : "").append(f.focusArea()).append(" (")
                        .append(Money.pounds(f.valuePence())).append(f.addressed() ? ", in plan)" : ")");
            }
            table.addRow().addContent(a.specialty(), (a.highVolume() ? "volume " : "") + (a.highValue() ? "value" : ""),
                    a.claims(), Money.pounds(a.valuePence()), focus.length() == 0 ? "(no rule)" : focus,
                    !a.addressed() ? "NO" : a.addressedPence() == a.valuePence() ? "yes"
                            : "partly (" + Money.pounds(a.addressedPence()) + ")");
        }
        table.print(System.out);
        System.out.println(l.planVersion() == 0 ? l.odsCode() + " has no published plan"
                : l.odsCode() + " plan version " + l.planVersion() + " focus areas: " + l.planFocusAreas());
        System.out.println("Addressed: " + Money.pounds(l.addressedPence()) + "; not addressed: "
                + Money.pounds(l.unaddressedPence()));
        System.out.println("Rule: " + l.rule());
    }
}
