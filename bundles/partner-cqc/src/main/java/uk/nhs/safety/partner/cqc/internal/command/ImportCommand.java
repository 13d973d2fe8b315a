package uk.nhs.safety.partner.cqc.internal.command;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;

import uk.nhs.safety.partner.support.console.ConsoleCommand;
import uk.nhs.safety.campaign.api.Violation;
import uk.nhs.safety.campaign.api.files.FileArea;
import uk.nhs.safety.campaign.api.partner.ImportReport;
import uk.nhs.safety.campaign.api.partner.ImportRequest;
import uk.nhs.safety.partner.cqc.internal.CqcEvidenceService;

/** Imports CQC provider/location JSON (CQC public API shape): all or nothing unless --partial. */
@Service
@Command(scope = "cqc", name = "import", description = "Imports CQC provider and location JSON (the CQC API's shape),"
        + " linking members by ODS code to their CQC ids and current ratings; all or nothing unless --partial")
public class ImportCommand extends ConsoleCommand {

    @Reference
    CqcEvidenceService evidence;

    @Reference
    Session session;

    @Reference
    FileArea files;

    @Option(name = "--partial", description = "Import the valid records and list the refused ones")
    boolean partial;

    @Argument(index = 0, name = "file", description = "A JSON file in the import folder: one record, an array, or a page of a list",
            required = true)
    String file;

    @Override
    protected void run() throws IOException {
        Path path = files.readable(file);
        ImportReport r;
        try (InputStream in = Files.newInputStream(path)) {
            Object user = session == null ? null : session.get("USER");
            r = evidence.data().importData(new ImportRequest(path.getFileName().toString(), in, partial, null,
                    user == null ? "console" : user.toString()));
        }
        ShellTable table = new ShellTable();
        table.column("Records").alignRight();
        table.column("Created").alignRight();
        table.column("Updated").alignRight();
        table.column("Unchanged").alignRight();
        table.column("Rejected").alignRight();
        table.addRow().addContent(r.read(), r.created(), r.updated(), r.unchanged(), r.rejected());
        table.print(System.out);
        for (Violation v : r.problems()) {
            System.out.println("  " + v);
        }
    }
}
