package uk.nhs.safety.partner.cqc.internal.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import uk.nhs.safety.partner.support.console.ConsoleCommand;
import uk.nhs.safety.partner.cqc.internal.CqcEvidenceService;
import uk.nhs.safety.partner.cqc.internal.framework.EvidenceCategory;
import uk.nhs.safety.partner.cqc.internal.framework.Framework;
import uk.nhs.safety.partner.cqc.internal.framework.KeyQuestion;
import uk.nhs.safety.partner.cqc.internal.framework.QualityStatement;

/** Lists the configured CQC framework: key questions, quality statements and evidence categories. */
@Service
@Command(scope = "cqc", name = "framework", description = "Lists the CQC assessment framework in use: key questions and quality statements")
public class FrameworkCommand extends ConsoleCommand {

    @Reference
    CqcEvidenceService evidence;

    @Override
    protected void run() {
        Framework f = evidence.framework().framework();
        System.out.println("CQC framework " + f.version() + ": " + f.title());
        ShellTable table = new ShellTable();
        table.column("Key question");
        table.column("Id");
        table.column("Quality statement");
        for (KeyQuestion k : f.keyQuestions()) {
            for (QualityStatement s : k.statements()) {
                table.addRow().addContent(k.name(), s.id(), s.name());
            }
        }
        table.print(System.out);
        System.out.println(f.keyQuestions().size() + " key questions, " + f.statements().size()
                + " quality statements. Evidence categories: " + String.join(", ",
                f.evidenceCategories().stream().map(EvidenceCategory::name).toList()));
    }
}
