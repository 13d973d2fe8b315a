package uk.nhs.safety.partner.nhsi.internal.command;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import uk.nhs.safety.partner.support.console.ConsoleCommand;
import uk.nhs.safety.campaign.api.ValidationException;
import uk.nhs.safety.campaign.api.Violation;
import uk.nhs.safety.campaign.api.files.FileArea;
import uk.nhs.safety.partner.nhsi.internal.NhsiService;
import uk.nhs.safety.partner.nhsi.internal.incidents.IncidentGenerator;

/** Writes a synthetic incident file for every active NHS trust member (demonstrations; never real data). */
@Service
@Command(scope = "nhsi", name = "incidents-generate", description = "Writes a realistic SYNTHETIC incident-count file"
        + " for every active trust member (about 2.3 million reports a year nationally, two thirds no harm), for"
        + " demonstrations; import it with nhsi:incidents-import")
public class GenerateCommand extends ConsoleCommand {

    @Reference
    NhsiService service;

    @Reference
    FileArea files;

    @Option(name = "--from", description = "First month, yyyy-mm (default 2013-04)")
    String from = "2013-04";

    @Option(name = "--to", description = "Last month, yyyy-mm (default 2016-03)")
    String to = "2016-03";

    @Option(name = "--seed", description = "Random seed (same seed, same file)")
    long seed = 2014;

    @Option(name = "--reduction", description = "Yearly fall in moderate-or-worse harm, 0-1 (default 0.15)")
    double reduction = 0.15;

    @Argument(index = 0, name = "file", description = "The file to write, in the export folder", required = true)
    String file;

    @Override
    protected void run() throws IOException {
        YearMonth first = month("--from", from);
        YearMonth last = month("--to", to);
        if (first.isAfter(last) || !(reduction >= 0 && reduction < 1)) {
            throw new ValidationException(Violation.of("--from/--to/--reduction", from + "/" + to + "/" + reduction,
                    "from not after to, reduction from 0 to below 1"));
        }
        List<IncidentGenerator.Trust> trusts = service.trustMembers();
        Path path = files.writable(file);
        Path tmp = Files.createTempFile(path.getParent(), ".nhsi-", ".tmp");
        long rows;
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            rows = new IncidentGenerator(trusts, seed, reduction).write(w, first, last);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.out.println("Wrote " + rows + " rows of SYNTHETIC incident counts for " + trusts.size() + " trusts, "
                + first + " to " + last + ", to " + path);
    }

    private static YearMonth month(String option, String text) {
        try {
            return YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            throw new ValidationException(Violation.of(option, text, "a month as yyyy-mm"));
        }
    }
}
