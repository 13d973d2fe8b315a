/**
 * EventAdmin topics core publishes, and the property names their events carry. Partners subscribe with an
 * {@code EventHandler} whose {@code event.topics} names these (or {@code uk/nhs/safety/campaign/*}).
 */
@Export
@Version("1.0.0")
package uk.nhs.safety.campaign.api.event;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
