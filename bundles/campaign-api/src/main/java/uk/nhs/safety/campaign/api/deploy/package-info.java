/**
 * Safe partner installs: a partner's features repository and feature installed, upgraded or removed on a running
 * platform only when Karaf's resolver, run first without installing, shows that nothing but the partner's own
 * bundles would be refreshed, updated or removed, and only when the partner's {@code campaign-api} imports accept the
 * running contract. Every change is recorded in the audit trail. The console ({@code safety:partner-install},
 * {@code safety:partner-uninstall}) and the HTTP API for admins both use {@link
 * uk.nhs.safety.campaign.api.deploy.PartnerInstaller}.
 */
@Export
@Version("1.0.0")
package uk.nhs.safety.campaign.api.deploy;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
