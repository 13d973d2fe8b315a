package uk.nhs.safety.partner.nhsi.internal.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import uk.nhs.safety.partner.support.console.ConsoleCommand;
import uk.nhs.safety.partner.nhsi.internal.NhsiService;
import uk.nhs.safety.partner.nhsi.internal.alignment.NationalAlignment;
import uk.nhs.safety.partner.nhsi.internal.alignment.NationalAlignment.Missing;
import uk.nhs.safety.partner.nhsi.internal.alignment.NationalAlignment.Row;

/** The national table: each priority across members, and the members without a published plan. */
@Service
@Command(scope = "nhsi", name = "gaps", description = "Shows, for each national priority, the members expected to"
        + " address it, how many do (coverage) and who does not; then the members whose plans are missing or"
        + " unpublished")
public class GapsCommand extends ConsoleCommand {

    @Reference
    NhsiService service;

    @Option(name = "--limit", description = "Most ODS codes listed per line (default 10)")
    int limit = 10;

    @Override
    protected void run() {
        NationalAlignment n = service.gaps();
        ShellTable table = new ShellTable();
        table.column("Priority");
        table.column("Applies").alignRight();
        table.column("Expected").alignRight();
        table.column("Expected+addressed").alignRight();
        table.column("Coverage %").alignRight();
        table.column("Gaps (expected, not addressed)").maxSize(60).wrap();
        for (Row r : n.priorities()) {
            table.addRow().addContent(r.key(), r.applies(), r.expected(), r.expectedAddressed(),
                    r.coverage() == null ? "-" : r.coverage(), list(r.gaps().size(), r.gaps()));
        }
        table.print(System.out);
        System.out.println(n.members() + " active members, " + n.published() + " with a published plan; catalogue "
                + n.catalogueVersion());
        long none = n.withoutPlan().stream().filter(m -> m.status().equals("none")).count();
        System.out.println("Without a published plan: " + n.withoutPlan().size() + " (" + none + " no plan, "
                + (n.withoutPlan().size() - none) + " unpublished): "
                + list(n.withoutPlan().size(), n.withoutPlan().stream().map(Missing::odsCode).toList()));
    }

    private String list(int size, java.util.List<String> codes) {
        String shown = String.join(" ", codes.subList(0, Math.min(codes.size(), Math.max(0, limit))));
        return size > limit ? shown + " … (" + size + ")" : shown;
    }
}
