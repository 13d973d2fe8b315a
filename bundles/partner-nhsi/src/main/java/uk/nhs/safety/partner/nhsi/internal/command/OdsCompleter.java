package uk.nhs.safety.partner.nhsi.internal.command;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import uk.nhs.safety.partner.nhsi.internal.NhsiService;

/** Completes members' ODS codes. */
@Service
public class OdsCompleter implements Completer {

    @Reference
    NhsiService service;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return new StringsCompleter(service.memberCodes()).complete(session, commandLine, candidates);
    }
}
