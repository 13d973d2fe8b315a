package uk.nhs.safety.campaign.console.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import uk.nhs.safety.campaign.api.ImportResult;
import uk.nhs.safety.campaign.api.MemberService;
import uk.nhs.safety.campaign.api.files.FileArea;

/** Imports NHS trusts from an ODS extract (the "etr" CSV); all or nothing. */
@Service
@Command(scope = "safety", name = "member-import", description = "Imports NHS trusts from an ODS etr extract (CSV, UTF-8)")
public class MemberImportCommand extends SafetyCommand {

    @Reference
    MemberService memberService;

    @Reference
    FileArea files;

    @Argument(index = 0, name = "file", description = "The ODS extract, e.g. etr.csv, in the import folder", required = true)
    String file;

    @Override
    protected void run() throws IOException {
        Path path = files.readable(file);
        ImportResult r;
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            r = memberService.importOdsExtract(actor(), reader, path.getFileName().toString());
        }
        System.out.println("Imported " + file + ": " + r.read() + " rows, " + r.added() + " added, " + r.updated()
                + " updated, " + r.unchanged() + " unchanged, " + r.closed() + " closed");
    }
}
