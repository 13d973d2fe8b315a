package uk.nhs.safety.campaign.console.internal;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import uk.nhs.safety.campaign.api.store.StoreCopier;
import uk.nhs.safety.campaign.api.store.StoreCopyReport;
import uk.nhs.safety.campaign.api.store.TableComparison;

/**
 * Copies the campaign store (core's and every partner's tables and their migration histories) into an empty
 * database, e.g. a new PostgreSQL database, and prints each table's row count and checksum on both sides. The copy
 * is kept only when every table matches. Then the operator points {@code etc/org.ops4j.datasource-safety.cfg} at it.
 */
@Service
@Command(scope = "safety", name = "store-copy",
        description = "Copies the whole campaign store into an empty database (e.g. H2 to PostgreSQL) and compares"
                + " every table's row count and checksum")
public class StoreCopyCommand extends SafetyCommand {

    @Reference
    StoreCopier storeCopier;

    @Option(name = "--url", description = "JDBC URL of the empty target database,"
            + " e.g. jdbc:postgresql://localhost:5432/safety", required = true)
    String url;

    @Option(name = "--user", description = "The target database's user")
    String user;

    @Option(name = "--password", description = "The target database's password (default: empty)")
    String password;

    @Override
    protected void run() {
        print(System.out, storeCopier.copyTo(url, user, password));
    }

    static void print(PrintStream out, StoreCopyReport report) {
        out.println("From " + report.source());
        out.println("To   " + report.target());
        ShellTable table = new ShellTable();
        table.column("Table");
        table.column("Source rows").alignRight();
        table.column("Target rows").alignRight();
        table.column("Source checksum");
        table.column("Target checksum");
        table.column("Equal");
        for (TableComparison t : report.tables()) {
            table.addRow().addContent(t.table(), t.sourceRows(), t.targetRows(), t.sourceChecksum(),
                    t.targetChecksum(), t.matches() ? "yes" : "NO");
        }
        table.print(out);
        if (report.committed()) {
            out.println("Copied " + report.rows() + " rows in " + report.tables().size()
                    + " tables: every row count and checksum equal. Now point etc/org.ops4j.datasource-safety.cfg"
                    + " at the target (url, user, password) on every node.");
        } else {
            out.println("Error: the tables marked NO differ after the copy; it was rolled back and the target left"
                    + " empty.");
        }
    }
}
