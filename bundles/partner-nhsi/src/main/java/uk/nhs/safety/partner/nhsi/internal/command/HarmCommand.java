package uk.nhs.safety.partner.nhsi.internal.command;

import java.util.Locale;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import uk.nhs.safety.partner.support.console.ConsoleCommand;
import uk.nhs.safety.campaign.api.spc.SpcPoint;
import uk.nhs.safety.partner.nhsi.internal.NhsiService;
import uk.nhs.safety.partner.nhsi.internal.incidents.HarmSeries;

/** A member's moderate-or-worse harm by month, as an XmR chart. */
@Service
@Command(scope = "nhsi", name = "harm", description = "Shows a member's incidents with moderate harm or worse by"
        + " month, with the SPC analysis (limits, special causes, variation)")
public class HarmCommand extends ConsoleCommand {

    @Reference
    NhsiService service;

    @org.apache.karaf.shell.api.action.Option(name = "--record", description = "Also record the series as the values"
            + " of this measure of the member's plan (it must exist and improve downwards)")
    String record;

    @Argument(index = 0, name = "ods", description = "The member's ODS code", required = true)
    @Completion(OdsCompleter.class)
    String ods;

    @Override
    protected void run() {
        if (record != null) {
            NhsiService.Recorded r = service.recordHarm(actor(), ods, record);
            System.out.println("Recorded " + r.recorded() + " of " + r.months() + " months into measure "
                    + r.measure() + " of " + r.odsCode() + " (" + r.unchanged() + " already up to date)");
        }
        HarmSeries h = service.harm(ods);
        ShellTable t = new ShellTable().emptyTableText("no incident data for " + h.odsCode());
        t.column("Month");
        t.column("Moderate+").alignRight();
        t.column("Severe").alignRight();
        t.column("Death").alignRight();
        t.column("All").alignRight();
        t.column("Mean").alignRight();
        t.column("Limits");
        t.column("Special cause");
        t.column("Variation");
        for (int i = 0; i < h.points().size(); i++) {
            HarmSeries.Point p = h.points().get(i);
            SpcPoint s = i < h.spc().points().size() ? h.spc().points().get(i) : null;
            t.addRow().addContent(p.period(), p.moderateOrWorse(), p.severe(), p.death(), p.total(),
                    s == null ? "" : NationalCommand.fmt(s.mean()),
                    s == null ? "" : NationalCommand.fmt(s.lowerLimit()) + " - " + NationalCommand.fmt(s.upperLimit()),
                    s == null || s.specialCause() == null ? "" : s.specialCause().name().toLowerCase(Locale.ROOT),
                    s == null ? "" : s.variation().name().toLowerCase(Locale.ROOT));
        }
        t.print(System.out);
        System.out.println(h.odsCode() + " " + h.name() + ": " + h.definition() + "; lower is better; "
                + (h.spc().provisional() ? "limits provisional (fewer than 13 months)" : "limits from "
                + h.spc().points().size() + " months") + "; latest variation "
                + h.spc().variation().name().toLowerCase(Locale.ROOT));
    }
}
