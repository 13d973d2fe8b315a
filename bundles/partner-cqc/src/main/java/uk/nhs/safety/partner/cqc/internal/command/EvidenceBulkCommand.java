package uk.nhs.safety.partner.cqc.internal.command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import uk.nhs.safety.campaign.api.CampaignException;
import uk.nhs.safety.campaign.api.ValidationException;
import uk.nhs.safety.campaign.api.Violation;
import uk.nhs.safety.campaign.api.files.FileArea;
import uk.nhs.safety.partner.cqc.internal.CqcEvidenceService;
import uk.nhs.safety.partner.cqc.internal.evidence.EvidencePack;
import uk.nhs.safety.partner.cqc.internal.export.EvidenceFormat;
import uk.nhs.safety.partner.support.console.ConsoleCommand;
import uk.nhs.safety.partner.support.json.PartnerJson;

/**
 * Evidence packs for a list of members, or all of them (an inspection schedule), one file each in a directory, with
 * a progress line per member. Each file is written whole or not at all (a temporary file moved into place); a member
 * that fails is reported and the others go on.
 */
@Service
@Command(scope = "cqc", name = "evidence-bulk", description = "Writes the evidence packs of the members listed (or of"
        + " every member) into a directory, one file each, showing progress")
public class EvidenceBulkCommand extends ConsoleCommand {

    @Reference
    CqcEvidenceService evidence;

    @Reference
    FileArea files;

    @Option(name = "--out", description = "The directory to write into, inside the export folder, created if missing"
            + " (default: the configured output directory there; a relative path is inside it)")
    String out;

    @Option(name = "--format", description = "zip (default), json, csv or html")
    String format;

    @Option(name = "--from", description = "First day of the period, yyyy-mm-dd (default: 12 months before --to)")
    String from;

    @Option(name = "--to", description = "Last day of the period, yyyy-mm-dd (default: today)")
    String to;

    @Argument(index = 0, name = "ods", description = "The members' ODS codes (none: every member)",
            multiValued = true)
    List<String> codes;

    @Override
    protected void run() throws IOException {
        EvidenceFormat chosen = EvidenceFormat.parse("--format", format == null ? "zip" : format);
        Path dir = files.writable(evidence.outputName(out));
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new ValidationException(Violation.of("--out", out, "is a file, not a directory"));
        }
        List<String> members = codes == null || codes.isEmpty() ? evidence.memberCodes()
                : codes.stream().map(c -> c.trim().toUpperCase(Locale.ROOT)).distinct().toList();
        Files.createDirectories(dir);
        PartnerJson json = PartnerJson.leavingOutNulls();
        int done = 0;
        int failed = 0;
        long started = System.nanoTime();
        for (String ods : members) {
            String line;
            try {
                EvidencePack pack = evidence.pack(ods, from, to);
                Path file = dir.resolve(chosen.fileName(pack));
                Path part = Files.createTempFile(dir, "." + ods, ".part");
                try {
                    Files.write(part, chosen.render(pack, json));
                    Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(part);
                }
                line = ods + " " + file.getFileName() + " (" + pack.gaps().size() + " gaps)";
            } catch (CampaignException e) {
                failed++;
                line = ods + " FAILED: " + e.getMessage();
            }
            done++;
            System.out.printf("[%d/%d] %s%n", done, members.size(), line);
            System.out.flush();
        }
        System.out.printf("Wrote %d evidence pack(s) to %s in %.1f s; %d failed%n", done - failed, dir,
                (System.nanoTime() - started) / 1e9, failed);
    }
}
