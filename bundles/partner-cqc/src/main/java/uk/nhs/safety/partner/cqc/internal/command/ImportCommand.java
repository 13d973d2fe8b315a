package uk.nhs.safety.partner.cqc.internal.command;

import java.io.IOException;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import uk.nhs.safety.campaign.api.files.FileArea;
import uk.nhs.safety.partner.cqc.internal.CqcEvidenceService;
import uk.nhs.safety.partner.support.console.ConsoleCommand;
import uk.nhs.safety.partner.support.console.FileImport;

/** Imports CQC provider/location JSON (CQC public API shape): all or nothing unless --partial. */
@Service
@Command(scope = "cqc", name = "import", description = "Imports CQC provider and location JSON (the CQC API's shape),"
        + " linking members by ODS code to their CQC ids and current ratings; all or nothing unless --partial")
public class ImportCommand extends ConsoleCommand {

    @Reference
    CqcEvidenceService evidence;

    @Reference
    FileArea files;

    @Option(name = "--partial", description = "Import the valid records and list the refused ones")
    boolean partial;

    @Argument(index = 0, name = "file", description = "A JSON file in the import folder: one record, an array, or a page of a list",
            required = true)
    String file;

    @Override
    protected void run() throws IOException {
        FileImport.print(new FileImport(files, file, partial, null)
                .run(actor(), false, evidence.data()::importData));
    }
}
