package uk.nhs.safety.campaign.console.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import uk.nhs.safety.campaign.api.MeasureService;
import uk.nhs.safety.campaign.api.Measurement;

/** Records (or replaces) the value of a plan measure for one period. */
@Service
@Command(scope = "safety", name = "measure-record", description = "Records a measure's value for a period (replacing any earlier value)")
public class MeasureRecordCommand extends SafetyCommand {

    @Reference
    MeasureService measureService;

    @Argument(index = 0, name = "ods", description = "The member's ODS code", required = true)
    @Completion(OdsCodeCompleter.class)
    String ods;

    @Argument(index = 1, name = "measure", description = "The measure's key, e.g. falls-per-1000", required = true)
    @Completion(MeasureKeyCompleter.class)
    String measure;

    @Argument(index = 2, name = "period", description = "yyyy-mm (the first of the month) or yyyy-mm-dd", required = true)
    String period;

    @Argument(index = 3, name = "value", description = "The value, e.g. 6.8", required = true)
    String value;

    @Option(name = "--note", description = "A note shown on the chart, e.g. \"new falls bundle introduced\"")
    String note;

    @Override
    protected void run() {
        String code = ConsoleSupport.ods(ods);
        Measurement m = measureService.record(actor(), code, measure, ConsoleSupport.parsePeriod(period),
                ConsoleSupport.parseNumber("value", value), note);
        System.out.println("Recorded " + code + " " + measure + " " + ConsoleSupport.period(m.period()) + ": "
                + ConsoleSupport.value(m.value()) + (m.annotation() == null ? "" : " (" + m.annotation() + ")"));
    }
}
