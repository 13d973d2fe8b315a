package uk.nhs.safety.partner.nhsla.internal.command;

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
import uk.nhs.safety.partner.nhsla.internal.NhslaService;

/** Imports an NHS LA claims CSV: all or nothing, or with --partial the valid rows and a rejects file. */
@Service
@Command(scope = "nhsla", name = "import", description = "Imports an NHS LA claims CSV (all or nothing unless"
        + " --partial); re-importing updates claims by reference")
public class ImportCommand extends ConsoleCommand {

    @Reference
    NhslaService service;

    @Reference
    Session session;

    @Reference
    FileArea files;

    @Option(name = "--partial", description = "Import the valid rows and write the rejected ones to a file")
    boolean partial;

    @Option(name = "--rejects", description = "Where --partial writes the rejected rows, in the export folder (default: <file name>.rejects.csv)")
    String rejects;

    @Argument(index = 0, name = "file", description = "The claims CSV", required = true)
    String file;

    @Override
    protected void run() throws IOException {
        Path path = files.readable(file);
        Path rejectsPath = partial ? files.writable(rejects != null ? rejects : path.getFileName() + ".rejects.csv")
                : null;
        ImportReport r;
        try (InputStream in = Files.newInputStream(path)) {
            r = service.importClaims(new ImportRequest(path.getFileName().toString(), in, partial, rejectsPath,
                    caller()));
        }
        ShellTable table = new ShellTable();
        table.column("Read").alignRight();
        table.column("Created").alignRight();
        table.column("Updated").alignRight();
        table.column("Unchanged").alignRight();
        table.column("Rejected").alignRight();
        table.addRow().addContent(r.read(), r.created(), r.updated(), r.unchanged(), r.rejected());
        table.print(System.out);
        for (Violation v : r.problems()) {
            System.out.println("  " + v);
        }
        if (r.rejectsFile() != null && r.rejected() > 0) {
            System.out.println("Rejected rows written to " + r.rejectsFile());
        }
    }

    private String caller() {
        Object user = session == null ? null : session.get("USER");
        return user == null ? "console" : user.toString();
    }
}
