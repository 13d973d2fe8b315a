package uk.nhs.safety.partner.nhsla.internal.command;

import java.util.List;

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
import uk.nhs.safety.partner.nhsla.internal.profile.ClaimsProfile;
import uk.nhs.safety.partner.nhsla.internal.profile.Slice;

/** A member's (or the national) claims profile. */
@Service
@Command(scope = "nhsla", name = "profile", description = "Shows a member's claims profile (national without a"
        + " code): by specialty, cause or scheme, with its high-volume and high-value areas")
public class ProfileCommand extends ConsoleCommand {

    @Reference
    NhslaService service;

    @Option(name = "--from", description = "First financial year, e.g. 2010 for 2010/11")
    Integer from;

    @Option(name = "--to", description = "Last financial year (default: the current one)")
    Integer to;

    @Option(name = "--by", description = "specialty (default), cause or scheme")
    String by = "specialty";

    @Argument(index = 0, name = "ods", description = "The member's ODS code (none: national)")
    @Completion(OdsCompleter.class)
    String ods;

    @Override
    protected void run() {
        ClaimsProfile p = service.profile(ods, from, to);
        List<Slice> slices = switch (by) {
            case "cause" -> p.byCause();
            case "scheme" -> p.byScheme();
            default -> p.bySpecialty();
        };
        ShellTable table = new ShellTable().emptyTableText("no claims in these years");
        table.column(by.substring(0, 1).toUpperCase() + by.substring(1));
        table.column("Claims").alignRight();
        table.column("% claims").alignRight();
        table.column("Value").alignRight();
        table.column("% value").alignRight();
        table.column("High");
        for (Slice s : slices) {
            String high = !by.equals("specialty") && !by.isEmpty() ? ""
                    : (p.highVolume().contains(s.key()) ? "volume " : "") + (p.highValue().contains(s.key())
                    ? "value" : "");
            table.addRow().addContent(s.key(), s.claims(), percent(s.claims(), p.claims()),
                    Money.pounds(s.valuePence()), percent(s.valuePence(), p.valuePence()), high.trim());
        }
        table.print(System.out);
        System.out.println(p.scope() + ", financial years " + p.fromYear() + "/" + (p.fromYear() + 1) % 100 + " to "
                + p.toYear() + "/" + (p.toYear() + 1) % 100 + ": " + p.claims() + " claims, "
                + Money.pounds(p.valuePence()));
        System.out.println("High-volume: " + p.highVolume());
        System.out.println("High-value:  " + p.highValue());
        System.out.println("Rule: " + p.rule());
    }

    static String percent(long part, long whole) {
        return whole == 0 ? "-" : String.format("%.1f", 100.0 * part / whole);
    }
}
