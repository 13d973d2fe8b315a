package uk.nhs.safety.campaign.console.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import uk.nhs.safety.campaign.api.NotFoundException;
import uk.nhs.safety.campaign.api.ValidationException;
import uk.nhs.safety.campaign.api.Violation;
import uk.nhs.safety.campaign.api.files.FileArea;
import uk.nhs.safety.campaign.api.partner.ExportRequest;
import uk.nhs.safety.campaign.api.partner.Exporter;
import uk.nhs.safety.campaign.api.partner.PartnerRegistry;

/**
 * Runs any exporter a partner has registered, into a file. The file appears whole or not at all: the export is
 * written next to it and moved into place only when the exporter has finished.
 */
@Service
@Command(scope = "safety", name = "export", description = "Runs a partner's exporter into a file (safety:partner-list lists them)")
public class ExportCommand extends SafetyCommand {

    @Reference
    PartnerRegistry partnerRegistry;

    @Reference
    FileArea files;

    @Option(name = "--format", description = "One of the exporter's formats (default: its first)")
    String format;

    @Option(name = "--member", description = "ODS code of the member to export (default: the national export)")
    @Completion(OdsCodeCompleter.class)
    String member;

    @Option(name = "--from", description = "First day of the period, yyyy-mm-dd")
    String from;

    @Option(name = "--to", description = "Last day of the period, yyyy-mm-dd")
    String to;

    @Option(name = "--option", description = "An exporter option as name=value (repeatable)", multiValued = true)
    List<String> options;

    @Option(name = "--out", description = "The file to write, in the export folder", required = true)
    String out;

    @Argument(index = 0, name = "exporter", description = "The exporter's name, e.g. cqc-evidence", required = true)
    @Completion(ExporterNameCompleter.class)
    String name;

    @Override
    protected void run() throws IOException {
        Exporter exporter = partnerRegistry.exporter(name).orElseThrow(() -> new NotFoundException(
                "no exporter named '" + name + "' is installed (safety:partner-list lists them)"));
        String chosen = format == null ? exporter.formats().get(0) : format.trim();
        if (!exporter.formats().contains(chosen)) {
            throw new ValidationException(Violation.of("--format", format, "exporter " + name + " writes "
                    + String.join(", ", exporter.formats())));
        }
        LocalDate first = ConsoleSupport.parseDate("--from", from);
        LocalDate last = ConsoleSupport.parseDate("--to", to);
        ExportRequest request = new ExportRequest(chosen, ConsoleSupport.ods(member), first, last, options(options));
        Path target = files.writable(out);
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        try (OutputStream stream = Files.newOutputStream(partial)) {
            exporter.export(request, stream);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.out.println("Exported " + name + " (" + chosen + ", " + exporter.mediaType(chosen) + ") to " + target
                + ": " + Files.size(target) + " bytes");
    }

    /** {@code name=value} pairs; a pair without {@code =} or with an empty name is refused. */
    static Map<String, String> options(List<String> pairs) {
        Map<String, String> parsed = new LinkedHashMap<>();
        for (String pair : pairs == null ? List.<String>of() : pairs) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new ValidationException(Violation.of("--option", pair, "expected name=value"));
            }
            parsed.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
        return parsed;
    }
}
