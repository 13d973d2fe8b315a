package uk.nhs.safety.campaign.console.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import uk.nhs.safety.campaign.api.partner.Importer;
import uk.nhs.safety.campaign.api.partner.PartnerRegistry;

/** Completes the names of the importers installed now. */
@Service
public class ImporterNameCompleter implements Completer {

    @Reference
    PartnerRegistry partnerRegistry;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        List<String> names = partnerRegistry.importers().stream().map(Importer::name).toList();
        return new StringsCompleter(names, true).complete(session, commandLine, candidates);
    }
}
