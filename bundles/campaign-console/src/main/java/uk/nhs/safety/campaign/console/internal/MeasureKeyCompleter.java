package uk.nhs.safety.campaign.console.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import uk.nhs.safety.campaign.api.Measure;
import uk.nhs.safety.campaign.api.PlanService;

/**
 * Completes the measure keys of the member named by the command's first argument (the ODS code), from its current
 * plan. Offers nothing until an ODS code has been typed.
 */
@Service
public class MeasureKeyCompleter implements Completer {

    @Reference
    PlanService planService;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        String ods = firstArgument(commandLine);
        if (ods == null) {
            return -1;
        }
        List<String> keys = planService.plan(ConsoleSupport.ods(ods))
                .map(plan -> plan.content().measures().stream().map(Measure::key).toList())
                .orElse(List.of());
        return new StringsCompleter(keys, true).complete(session, commandLine, candidates);
    }

    /**
     * The first argument after the command name that is not an option, provided the cursor is past it; options of
     * the measure commands all take a value, so an option's value is skipped too.
     */
    static String firstArgument(CommandLine commandLine) {
        String[] arguments = commandLine.getArguments();
        int cursor = commandLine.getCursorArgumentIndex();
        for (int i = 1; i < arguments.length && i < cursor; i++) {
            if (arguments[i].startsWith("-")) {
                i++;
                continue;
            }
            return arguments[i];
        }
        return null;
    }
}
