package uk.nhs.safety.partner.cqc.internal.command;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import uk.nhs.safety.partner.cqc.internal.CqcEvidenceService;
import uk.nhs.safety.partner.cqc.internal.CqcJson;
import uk.nhs.safety.partner.cqc.internal.evidence.EvidencePack;

/** A member's evidence pack: a summary per quality statement, or the whole pack as JSON in a file. */
@Service
@Command(scope = "cqc", name = "evidence", description = "Shows a member's CQC evidence per quality statement, or writes the evidence pack as JSON")
public class EvidenceCommand extends CqcCommand {

    @Reference
    CqcEvidenceService evidence;

    @Argument(index = 0, name = "ods", description = "The member's ODS code", required = true)
    String ods;

    @Option(name = "--from", description = "First day of the period, yyyy-mm-dd (default: 12 months before --to)")
    String from;

    @Option(name = "--to", description = "Last day of the period, yyyy-mm-dd (default: today)")
    String to;

    @Option(name = "--out", description = "Write the pack as JSON to this file instead of showing a summary")
    String out;

    @Override
    protected void run() throws IOException {
        EvidencePack pack = evidence.pack(ods, from, to);
        int statements = pack.keyQuestions().stream().mapToInt(k -> k.statements().size()).sum();
        String counts = (statements - pack.gaps().size()) + " of " + statements + " quality statements evidenced, "
                + pack.gaps().size() + " gaps, " + pack.unmapped().size() + " unmapped items";
        if (out != null) {
            Path file = Path.of(out);
            Files.writeString(file, new CqcJson().write(pack), StandardCharsets.UTF_8);
            System.out.println("Wrote the evidence pack for " + pack.odsCode() + " to " + file + ": " + counts);
            return;
        }
        System.out.println("Member:    " + pack.odsCode() + " " + pack.memberName());
        System.out.println("Period:    " + pack.period().from() + " to " + pack.period().to());
        System.out.println("Framework: CQC " + pack.framework().version());
        System.out.println("Plan:      " + (pack.plan() == null ? "no plan published by " + pack.period().to()
                : "published version " + pack.plan().version() + " (" + String.join(", ", pack.plan().focusAreas())
                + ")"));
        ShellTable table = new ShellTable();
        table.column("Key question");
        table.column("Statement");
        table.column("Items").alignRight();
        table.column("Gap");
        for (EvidencePack.KeyQuestionEvidence k : pack.keyQuestions()) {
            for (EvidencePack.StatementEvidence s : k.statements()) {
                table.addRow().addContent(k.name(), s.name(), s.items().size(), s.gap() ? "gap" : "");
            }
        }
        table.print(System.out);
        System.out.println(counts);
    }
}
