package uk.nhs.safety.partner.support.console;

import java.io.IOException;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;

import uk.nhs.safety.campaign.api.files.FileArea;
import uk.nhs.safety.campaign.api.partner.ImportReport;
import uk.nhs.safety.campaign.api.partner.ImportRequest;

/**
 * Base of a partner's CSV import command, the same options in every partner: the file from the import folder, all
 * or nothing unless {@code --partial}, which writes the rejected rows to {@code --rejects} (in the export folder);
 * the report as {@link FileImport#print}. A subclass names the command and hands the request to its import.
 */
public abstract class CsvImportCommand extends ConsoleCommand {

    @Reference
    FileArea files;

    @Option(name = "--partial", description = "Import the valid rows and write the rejected ones to a file")
    boolean partial;

    @Option(name = "--rejects", description = "Where --partial writes the rejected rows, in the export folder (default: <file name>.rejects.csv)")
    String rejects;

    @Argument(index = 0, name = "file", description = "The CSV file, in the import folder", required = true)
    String file;

    @Override
    protected final void run() throws IOException {
        FileImport.print(new FileImport(files, file, partial, rejects).run(actor(), true, this::importData));
    }

    /** Hands the request to the partner's import. */
    protected abstract ImportReport importData(ImportRequest request);

    /** Imports this file of these folders from now on (for a caller outside Karaf, e.g. a test). */
    public final void of(FileArea files, String file) {
        this.files = files;
        this.file = file;
    }
}
