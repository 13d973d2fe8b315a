package uk.nhs.safety.campaign.console.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import uk.nhs.safety.campaign.api.NotFoundException;
import uk.nhs.safety.campaign.api.Violation;
import uk.nhs.safety.campaign.api.files.FileArea;
import uk.nhs.safety.campaign.api.partner.ImportReport;
import uk.nhs.safety.campaign.api.partner.ImportRequest;
import uk.nhs.safety.campaign.api.partner.Importer;
import uk.nhs.safety.campaign.api.partner.PartnerRegistry;

/** Runs any importer a partner has registered on a file: all or nothing unless {@code --partial}. */
@Service
@Command(scope = "safety", name = "import", description = "Runs a partner's importer on a file (safety:partner-list lists them)")
public class ImportCommand extends SafetyCommand {

    /** How many problems are printed; the report's count says how many there were. */
    static final int SHOWN_PROBLEMS = 20;

    @Reference
    PartnerRegistry partnerRegistry;

    @Reference
    FileArea files;

    @Option(name = "--partial", description = "Import the valid rows and report the rejected ones")
    boolean partial;

    @Option(name = "--rejects", description = "With --partial: write the rejected rows and their errors to this file, in the export folder")
    String rejects;

    @Argument(index = 0, name = "importer", description = "The importer's name, e.g. nhsla-claims", required = true)
    @Completion(ImporterNameCompleter.class)
    String name;

    @Argument(index = 1, name = "file", description = "The file to import, in the import folder", required = true)
    String file;

    @Override
    protected void run() throws IOException {
        Importer importer = partnerRegistry.importer(name).orElseThrow(() -> new NotFoundException(
                "no importer named '" + name + "' is installed (safety:partner-list lists them)"));
        Path path = files.readable(file);
        Path rejectsFile = rejects == null ? null : files.writable(rejects);
        ImportReport r;
        try (InputStream in = Files.newInputStream(path)) {
            r = importer.importData(new ImportRequest(path.getFileName().toString(), in, partial,
                    rejectsFile, actor()));
        }
        System.out.println("Imported " + file + " with " + r.importer() + ": " + r.read() + " rows read, "
                + r.created() + " created, " + r.updated() + " updated, " + r.unchanged() + " unchanged, "
                + r.rejected() + " rejected");
        r.problems().stream().limit(SHOWN_PROBLEMS).map(Violation::toString).forEach(System.out::println);
        if (r.problems().size() > SHOWN_PROBLEMS) {
            System.out.println("... and " + (r.problems().size() - SHOWN_PROBLEMS) + " more problems");
        }
        if (r.rejectsFile() != null) {
            System.out.println("Rejected rows written to " + r.rejectsFile());
        }
    }
}
