/**
 * EventAdmin topics core publishes, and the property names their events carry. Partners subscribe with an
 * {@code EventHandler} whose {@code event.topics} names these (or {@code uk/nhs/safety/campaign/*}): this node's
 * changes only, and only while running. Since 1.1: the durable, cluster-wide event log; a
 * {@link uk.nhs.safety.campaign.api.event.CampaignEventSubscriber} service hears of every change on every node, at
 * least once and in order, and {@link uk.nhs.safety.campaign.api.event.CampaignEventLog} reads and replays the log.
 */
@Export
@Version("1.2.0")
package uk.nhs.safety.campaign.api.event;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
