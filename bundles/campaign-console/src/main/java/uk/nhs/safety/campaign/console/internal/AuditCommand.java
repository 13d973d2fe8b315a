package uk.nhs.safety.campaign.console.internal;

import java.time.ZoneId;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import uk.nhs.safety.campaign.api.AuditEntry;
import uk.nhs.safety.campaign.api.AuditService;

/**
 * Shows a member's audit trail, newest first; without an ODS code the campaign-wide entries (partner installs,
 * upgrades and removals, focus areas, API tokens: what belongs to no member).
 */
@Service
@Command(scope = "safety", name = "audit", description = "Shows a member's audit trail, newest first; without an ODS"
        + " code the campaign-wide entries (partner installs, upgrades and removals, focus areas, API tokens)")
public class AuditCommand extends SafetyCommand {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 10_000;

    @Reference
    AuditService auditService;

    @Argument(index = 0, name = "ods", description = "The member's ODS code; none: the campaign-wide entries")
    @Completion(OdsCodeCompleter.class)
    String ods;

    @Option(name = "--limit", description = "Most entries to show (default 50)")
    String limit;

    @Override
    protected void run() {
        int max = ConsoleSupport.parseInt("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
        ShellTable table = new ShellTable().emptyTableText("no audit entries");
        table.column("When");
        table.column("Actor");
        table.column("Action");
        table.column("Subject");
        table.column(new WordWrapColumn("Detail", 70));
        for (AuditEntry e : auditService.trail(ods == null ? null : ConsoleSupport.ods(ods), max)) {
            table.addRow().addContent(ConsoleSupport.timestamp(e.at(), ZoneId.systemDefault()),
                    ConsoleSupport.text(e.actor()), ConsoleSupport.text(e.action()),
                    ConsoleSupport.text(e.subject()), ConsoleSupport.text(e.detail()));
        }
        table.print(System.out);
    }
}
