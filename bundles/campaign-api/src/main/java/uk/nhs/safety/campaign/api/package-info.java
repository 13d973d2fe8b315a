/**
 * The campaign contract: the records that describe members, pledges and their actions, safety improvement plans
 * with their driver diagrams and measures, the audit trail, and the services core offers over them.
 *
 * <p>Records are immutable values. Services are implemented by core only ({@code @ProviderType}); partner bundles
 * consume them. Every write takes the acting user's name (for the audit trail) and, where the thing written
 * already exists, the version the caller last read: a write against a stale version is refused with
 * {@link uk.nhs.safety.campaign.api.StaleVersionException} and changes nothing.
 */
@Export
@Version("1.3.0")
package uk.nhs.safety.campaign.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
