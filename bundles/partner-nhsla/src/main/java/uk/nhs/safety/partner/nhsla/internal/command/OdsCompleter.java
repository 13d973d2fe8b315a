package uk.nhs.safety.partner.nhsla.internal.command;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import uk.nhs.safety.partner.nhsla.internal.NhslaService;

/** Completes the ODS codes that have claims. */
@Service
public class OdsCompleter implements Completer {

    @Reference
    NhslaService service;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return new StringsCompleter(service.codesWithClaims()).complete(session, commandLine, candidates);
    }
}
