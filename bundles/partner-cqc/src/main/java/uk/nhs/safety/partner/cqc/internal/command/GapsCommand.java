package uk.nhs.safety.partner.cqc.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import uk.nhs.safety.partner.support.console.ConsoleCommand;
import uk.nhs.safety.partner.cqc.internal.CqcEvidenceService;
import uk.nhs.safety.partner.cqc.internal.evidence.EvidencePack;
import uk.nhs.safety.partner.cqc.internal.evidence.GapReport;

/** The quality statements a member has no evidence for. */
@Service
@Command(scope = "cqc", name = "gaps", description = "Lists the CQC quality statements a member has no evidence for")
public class GapsCommand extends ConsoleCommand {

    @Reference
    CqcEvidenceService evidence;

    @Argument(index = 0, name = "ods", description = "The member's ODS code", required = true)
    String ods;

    @Option(name = "--from", description = "First day of the period, yyyy-mm-dd (default: 12 months before --to)")
    String from;

    @Option(name = "--to", description = "Last day of the period, yyyy-mm-dd (default: today)")
    String to;

    @Override
    protected void run() {
        EvidencePack pack = evidence.pack(ods, from, to);
        GapReport report = GapReport.of(pack);
        int statements = pack.keyQuestions().stream().mapToInt(k -> k.statements().size()).sum();
        ShellTable table = new ShellTable().emptyTableText("no gaps: every quality statement has evidence");
        table.column("Key question");
        table.column("Id");
        table.column("Quality statement");
        for (EvidencePack.Gap g : report.gaps()) {
            table.addRow().addContent(g.keyQuestion(), g.id(), g.name());
        }
        table.print(System.out);
        System.out.println(report.odsCode() + ": " + report.gaps().size() + " of " + statements
                + " quality statements have no evidence (framework " + report.framework() + ")");
    }
}
