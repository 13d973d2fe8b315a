package uk.nhs.safety.campaign.console.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import uk.nhs.safety.campaign.api.partner.PartnerInfo;
import uk.nhs.safety.campaign.api.partner.PartnerRegistry;

/**
 * Completes the ids of the partner integrations installed now. A token may be created for a partner not installed
 * yet, so this only helps; it does not restrict.
 */
@Service
public class PartnerIdCompleter implements Completer {

    @Reference
    PartnerRegistry partnerRegistry;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        List<String> ids = partnerRegistry.partners().stream().map(PartnerInfo::id).toList();
        return new StringsCompleter(ids, false).complete(session, commandLine, candidates);
    }
}
