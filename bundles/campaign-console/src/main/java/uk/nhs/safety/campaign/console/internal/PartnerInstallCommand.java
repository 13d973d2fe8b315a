package uk.nhs.safety.campaign.console.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import uk.nhs.safety.campaign.api.deploy.PartnerChange;
import uk.nhs.safety.campaign.api.deploy.PartnerInstaller;

/**
 * Installs or upgrades a partner from its own features repository, after Karaf's resolver has shown (in a dry run)
 * that no bundle of core or of another partner would be refreshed or restarted, and after checking the partner's
 * {@code campaign-api} imports against the running contract. Audited with the shell user as actor.
 */
@Service
@Command(scope = "safety", name = "partner-install",
        description = "Installs or upgrades a partner from its features repository, refusing it if it would refresh"
                + " core or another partner")
public class PartnerInstallCommand extends SafetyCommand {

    @Reference
    PartnerInstaller installer;

    @Option(name = "--force", description = "Install even though other bundles would be refreshed or restarted"
            + " (recorded as forced in the audit trail; the contract check still applies)")
    boolean force;

    @Argument(index = 0, name = "repository-url", required = true,
            description = "The partner's features repository, e.g. mvn:org.example/partner-foo/1.0.0/xml/features")
    String repositoryUrl;

    @Argument(index = 1, name = "feature", required = true, description = "The partner's feature, e.g. safety-partner-foo")
    String feature;

    @Override
    protected void run() {
        PartnerChange change = installer.install(repositoryUrl, feature, force, actor());
        PartnerChanges.print(change);
    }
}
