/**
 * Access to the platform's HTTP API for systems: partner API tokens. Only core bundles use this package; partner
 * bundles never need it.
 */
@Export
@Version("1.0.0")
package uk.nhs.safety.campaign.api.access;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
