/**
 * Access to the platform: {@link uk.nhs.safety.campaign.api.access.CallerAccess}, the one rule deciding who may read
 * or change what (core's routes and partners' routes both ask it), and partner API tokens (only core bundles use
 * those).
 */
@Export
@Version("1.1.0")
package uk.nhs.safety.campaign.api.access;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
