package uk.nhs.safety.partner.nhsi.internal.command;

import java.util.List;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import uk.nhs.safety.partner.support.console.ConsoleCommand;
import uk.nhs.safety.campaign.api.spc.SpcResult;
import uk.nhs.safety.partner.nhsi.internal.NhsiService;
import uk.nhs.safety.partner.nhsi.internal.national.NationalRollup;
import uk.nhs.safety.partner.nhsi.internal.national.NationalRollup.Headline;
import uk.nhs.safety.partner.nhsi.internal.national.NationalRollup.Series;

/** The national roll-up: headline figures, the national series with their SPC reading, and the method. */
@Service
@Command(scope = "nhsi", name = "national", description = "Shows progress towards the campaign's goals: members,"
        + " plans published, avoidable harm against baseline, lives saved (estimate), national series with SPC")
public class NationalCommand extends ConsoleCommand {

    @Reference
    NhsiService service;

    @Override
    protected void run() {
        NationalRollup r = service.national();
        ShellTable head = new ShellTable();
        head.column("Headline");
        head.column("Value").alignRight();
        head.column("Unit");
        head.column("Note").maxSize(80).wrap();
        for (Headline h : r.headline()) {
            head.addRow().addContent(h.label(), h.value() == null ? "-" : h.value(), h.unit(), h.note());
        }
        head.print(System.out);
        ShellTable series = new ShellTable();
        series.column("Series");
        series.column("Months").alignRight();
        series.column("Latest");
        series.column("Value").alignRight();
        series.column("Mean").alignRight();
        series.column("Variation");
        series.column("Limits");
        for (Series s : r.series()) {
            SpcResult spc = s.spc();
            boolean any = !s.points().isEmpty();
            var last = any ? s.points().get(s.points().size() - 1) : null;
            var phase = spc.phases().isEmpty() ? null : spc.phases().get(spc.phases().size() - 1);
            series.addRow().addContent(s.key(), s.points().size(), any ? last.period() : "-",
                    any ? fmt(last.value()) : "-", phase == null ? "-" : fmt(phase.mean()),
                    spc.variation().name().toLowerCase(java.util.Locale.ROOT),
                    phase == null ? "-" : fmt(phase.lowerLimit()) + " - " + fmt(phase.upperLimit())
                            + (spc.provisional() ? " (provisional)" : ""));
        }
        series.print(System.out);
        System.out.println("Catalogue " + r.catalogueVersion() + ", as of " + r.asOf() + ", incident data to "
                + (r.dataTo() == null ? "-" : r.dataTo()));
        System.out.println("Lives saved: " + r.method().livesSaved());
        System.out.println("Assumptions: " + r.method().assumptions().entrySet().stream().sorted(
                java.util.Map.Entry.comparingByKey()).map(e -> e.getKey() + "=" + e.getValue()).toList());
    }

    static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e12 ? Long.toString((long) v)
                : String.format(java.util.Locale.ROOT, "%.1f", v);
    }

    static String join(List<String> items) {
        return String.join(", ", items);
    }
}
