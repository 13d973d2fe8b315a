package uk.nhs.safety.campaign.console.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import uk.nhs.safety.campaign.api.partner.Exporter;
import uk.nhs.safety.campaign.api.partner.PartnerRegistry;

/** Completes the names of the exporters installed now. */
@Service
public class ExporterNameCompleter implements Completer {

    @Reference
    PartnerRegistry partnerRegistry;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        List<String> names = partnerRegistry.exporters().stream().map(Exporter::name).toList();
        return new StringsCompleter(names, true).complete(session, commandLine, candidates);
    }
}
