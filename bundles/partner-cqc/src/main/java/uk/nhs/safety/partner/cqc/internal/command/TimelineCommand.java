package uk.nhs.safety.partner.cqc.internal.command;

import java.util.List;
import java.util.Locale;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import uk.nhs.safety.partner.support.console.ConsoleCommand;
import uk.nhs.safety.campaign.api.ValidationException;
import uk.nhs.safety.campaign.api.Violation;
import uk.nhs.safety.partner.cqc.internal.CqcEvidenceService;
import uk.nhs.safety.partner.cqc.internal.timeline.EvidenceTimeline;

/** A member's plan and pledge-action publications, as the CQC evidence timeline holds them. */
@Service
@Command(scope = "cqc", name = "timeline", description = "Lists a member's plan and action publications, newest first,"
        + " as kept for CQC evidence from the campaign's event log")
public class TimelineCommand extends ConsoleCommand {

    @Reference
    CqcEvidenceService evidence;

    @Reference
    EvidenceTimeline timeline;

    @Argument(index = 0, name = "ods", description = "The member's ODS code", required = true)
    String ods;

    @Option(name = "--limit", description = "At most this many entries, 1 to 1000 (default 20)")
    int limit = 20;

    @Override
    protected void run() {
        if (limit < 1 || limit > 1000) {
            throw new ValidationException(Violation.of("--limit", Integer.toString(limit),
                    "a whole number from 1 to 1000"));
        }
        String code = ods.toUpperCase(Locale.ROOT);
        evidence.memberOrThrow(code);
        List<EvidenceTimeline.Entry> entries = timeline.entries(code, limit);
        ShellTable table = new ShellTable().emptyTableText("no publications yet");
        table.column("Event");
        table.column("When (UTC)");
        table.column("Publication");
        table.column("Recorded by node");
        for (EvidenceTimeline.Entry e : entries) {
            table.addRow().addContent(e.sequence(), e.occurredAt().toInstant(), e.summary(), e.handledBy());
        }
        table.print(System.out);
        System.out.println(code + ": " + entries.size() + (entries.size() == 1 ? " publication" : " publications")
                + " shown");
    }
}
