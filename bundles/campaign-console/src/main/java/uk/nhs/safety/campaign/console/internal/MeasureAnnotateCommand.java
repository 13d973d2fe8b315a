package uk.nhs.safety.campaign.console.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import uk.nhs.safety.campaign.api.ValidationException;
import uk.nhs.safety.campaign.api.Violation;
import uk.nhs.safety.campaign.api.pdsa.PdsaService;

/** Sets, replaces or deletes the note on a measured period of a measure's chart. */
@Service
@Command(scope = "safety", name = "measure-annotate", description = "Sets (or with --delete removes) the note on a measured period of a chart")
public class MeasureAnnotateCommand extends SafetyCommand {

    @Reference
    PdsaService pdsaService;

    @Argument(index = 0, name = "ods", description = "The member's ODS code", required = true)
    @Completion(OdsCodeCompleter.class)
    String ods;

    @Argument(index = 1, name = "measure", description = "The measure's key, e.g. falls-per-1000", required = true)
    @Completion(MeasureKeyCompleter.class)
    String measure;

    @Argument(index = 2, name = "period", description = "yyyy-mm (the first of the month) or yyyy-mm-dd", required = true)
    String period;

    @Argument(index = 3, name = "text", description = "The note, e.g. \"new falls bundle on ward 5\" (quote it)")
    String text;

    @Option(name = "--delete", description = "Delete the period's note")
    boolean delete;

    @Override
    protected void run() {
        String code = ConsoleSupport.ods(ods);
        if (delete == (text != null && !text.isBlank())) {
            throw new ValidationException(Violation.of("text", text, delete ? "is not taken with --delete"
                    : "is required (or --delete to remove the note)"));
        }
        var note = pdsaService.annotate(actor(), code, measure, ConsoleSupport.parsePeriod(period),
                delete ? null : text);
        System.out.println(note == null ? "Deleted the note on " + code + " " + measure + " " + period
                : "Noted on " + code + " " + measure + " " + ConsoleSupport.period(note.period()) + ": " + note.text());
    }
}
