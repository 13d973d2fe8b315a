package uk.nhs.safety.campaign.console.internal;

import java.util.List;

import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Completes an enum's constant names in lower case, derived from the enum so the two never drift apart. */
abstract class EnumCompleter<E extends Enum<E>> implements Completer {

    private final StringsCompleter names;

    EnumCompleter(Class<E> type) {
        this.names = new StringsCompleter(ConsoleSupport.names(type), false);
    }

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return names.complete(session, commandLine, candidates);
    }
}
