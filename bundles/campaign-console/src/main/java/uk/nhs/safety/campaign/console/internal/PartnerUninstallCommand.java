package uk.nhs.safety.campaign.console.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import uk.nhs.safety.campaign.api.deploy.PartnerInstaller;

/** Uninstalls a partner's feature, refusing it if that would refresh core or another partner. Audited. */
@Service
@Command(scope = "safety", name = "partner-uninstall",
        description = "Uninstalls a partner's feature, refusing it if it would refresh core or another partner")
public class PartnerUninstallCommand extends SafetyCommand {

    @Reference
    PartnerInstaller installer;

    @Option(name = "--force", description = "Uninstall even though other bundles would be refreshed or restarted")
    boolean force;

    @Argument(index = 0, name = "feature", required = true, description = "The partner's feature, e.g. safety-partner-foo")
    String feature;

    @Override
    protected void run() {
        PartnerChanges.print(installer.uninstall(feature, force, actor()));
    }
}
