package uk.nhs.safety.partner.support.console;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

import org.apache.karaf.shell.support.table.ShellTable;

import uk.nhs.safety.campaign.api.Violation;
import uk.nhs.safety.campaign.api.files.FileArea;
import uk.nhs.safety.campaign.api.partner.ImportReport;
import uk.nhs.safety.campaign.api.partner.ImportRequest;

/**
 * The console side of a partner's file import, the same in every partner: the file comes from the import folder,
 * rejected rows (with {@code --partial}) go to a file in the export folder, and the report is one table row followed
 * by the problems found.
 *
 * @param files   the platform's import and export folders
 * @param file    the file to import, as the user named it (in the import folder)
 * @param partial import the valid records and report the refused ones, instead of all or nothing
 * @param rejects where rejected rows go with {@code partial}, in the export folder; {@code null} for
 *                {@code <file name>.rejects.csv}
 */
public record FileImport(FileArea files, String file, boolean partial, String rejects) {

    /**
     * Reads the file and hands it to the importer as the given actor; a rejects file is named only with
     * {@code partial} and only when {@code withRejectsFile} (an importer that writes none gets {@code null}).
     */
    public ImportReport run(String actor, boolean withRejectsFile, Function<ImportRequest, ImportReport> importer)
            throws IOException {
        Path path = files.readable(file);
        Path rejectsPath = partial && withRejectsFile
                ? files.writable(rejects != null ? rejects : path.getFileName() + ".rejects.csv") : null;
        try (InputStream in = Files.newInputStream(path)) {
            return importer.apply(new ImportRequest(path.getFileName().toString(), in, partial, rejectsPath, actor));
        }
    }

    /** Prints the report: counts as one table row, then each problem, then where the rejected rows went. */
    public static void print(ImportReport r) {
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
}
