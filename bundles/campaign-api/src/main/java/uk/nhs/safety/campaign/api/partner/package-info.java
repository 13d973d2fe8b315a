/**
 * The partner SPI: what a partner body's integration bundle registers so that core can discover it. Interfaces
 * marked {@code @ConsumerType} are implemented by partners; adding a method to them is a major version change.
 */
@Export
@Version("1.0.0")
package uk.nhs.safety.campaign.api.partner;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
