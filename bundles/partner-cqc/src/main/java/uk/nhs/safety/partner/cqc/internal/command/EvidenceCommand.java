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

import uk.nhs.safety.campaign.api.ValidationException;
import uk.nhs.safety.campaign.api.Violation;
import uk.nhs.safety.campaign.api.files.FileArea;
import uk.nhs.safety.partner.cqc.internal.CqcEvidenceService;
import uk.nhs.safety.partner.cqc.internal.evidence.EvidencePack;
import uk.nhs.safety.partner.cqc.internal.export.EvidenceFormat;
import uk.nhs.safety.partner.support.console.ConsoleCommand;
import uk.nhs.safety.partner.support.json.PartnerJson;

/**
 * A member's evidence pack: a summary per quality statement, or the whole pack in a format ({@code --format
 * json|csv|html|zip}, default JSON) written to {@code --out}; a text format without {@code --out} is printed, ZIP
 * needs {@code --out}.
 */
@Service
@Command(scope = "cqc", name = "evidence", description = "Shows a member's CQC evidence per quality statement, or writes the evidence pack as JSON, CSV, HTML or ZIP")
public class EvidenceCommand extends ConsoleCommand {

    @Reference
    CqcEvidenceService evidence;

    @Reference
    FileArea files;

    @Argument(index = 0, name = "ods", description = "The member's ODS code", required = true)
    String ods;

    @Option(name = "--from", description = "First day of the period, yyyy-mm-dd (default: 12 months before --to)")
    String from;

    @Option(name = "--to", description = "Last day of the period, yyyy-mm-dd (default: today)")
    String to;

    @Option(name = "--out", description = "Write the pack (JSON unless --format says otherwise) to this file instead of showing a summary (inside the export folder; a relative path is inside the configured output directory there)")
    String out;

    @Option(name = "--format", description = "json, csv, html or zip: the whole pack in that format, printed or written to --out (zip needs --out)")
    String format;

    @Override
    protected void run() throws IOException {
        // The options are checked before any work, so a bad combination changes nothing and writes nothing.
        EvidenceFormat chosen = EvidenceFormat.parse("--format", format);
        if (out == null && chosen.binary()) {
            throw new ValidationException(Violation.of("--format", format,
                    "a " + chosen.id() + " pack is binary: give --out <file> to write it"));
        }
        EvidencePack pack = evidence.pack(ods, from, to);
        int statements = pack.keyQuestions().stream().mapToInt(k -> k.statements().size()).sum();
        String counts = (statements - pack.gaps().size()) + " of " + statements + " quality statements evidenced, "
                + pack.gaps().size() + " gaps, " + pack.unmapped().size() + " unmapped items";
        if (out != null) {
            Path file = files.writable(evidence.outputName(out));
            Files.write(file, chosen.render(pack, PartnerJson.leavingOutNulls()));
            System.out.println("Wrote the evidence pack for " + pack.odsCode()
                    + (format == null ? "" : " (" + chosen.id() + ")") + " to " + file
                    + ": " + counts);
            return;
        }
        if (format != null) {
            System.out.print(new String(chosen.render(pack, PartnerJson.leavingOutNulls()), StandardCharsets.UTF_8));
            return;
        }
        System.out.println("Member:    " + pack.odsCode() + " " + pack.memberName());
        System.out.println("Period:    " + pack.period().from() + " to " + pack.period().to());
        System.out.println("Framework: CQC " + pack.framework().version());
        System.out.println("Plan:      " + (pack.plan() == null ? "no plan published by " + pack.period().to()
                : "published version " + pack.plan().version() + " (" + String.join(", ", pack.plan().focusAreas())
                + ")"));
        for (EvidencePack.CqcRegistration r : pack.registrations()) {
            System.out.println("CQC:       " + r.kind() + " " + r.cqcId() + " " + r.name() + " (" + r.odsCode() + "), "
                    + (r.registrationStatus() == null ? "" : r.registrationStatus() + ", ") + "overall "
                    + (r.overallRating() == null ? "not rated" : r.overallRating())
                    + (r.reportDate() == null ? "" : " (" + r.reportDate() + ")"));
        }
        for (String source : pack.unavailableSources()) {
            System.out.println("Unavailable: evidence from " + source);
        }
        ShellTable table = new ShellTable();
        table.column("Key question");
        table.column("CQC rating");
        table.column("Statement");
        table.column("Items").alignRight();
        table.column("Gap");
        for (EvidencePack.KeyQuestionEvidence k : pack.keyQuestions()) {
            for (EvidencePack.StatementEvidence s : k.statements()) {
                table.addRow().addContent(k.name(), k.currentRating() == null ? "" : k.currentRating().rating(),
                        s.name(), s.items().size(), s.gap() ? "gap" : "");
            }
        }
        table.print(System.out);
        System.out.println(counts);
    }
}
