/**
 * The partner SPI: what a partner body's integration bundle plugs into the platform, and what core offers it.
 *
 * <p>A partner registers OSGi services (Declarative Services components), each discovered dynamically by core so
 * that installing, upgrading or removing the partner's feature restarts nothing else:
 * <ul>
 *   <li>{@link uk.nhs.safety.campaign.api.partner.PartnerIntegration}: its identity and health (required);</li>
 *   <li>{@link uk.nhs.safety.campaign.api.partner.PartnerRoutes}: HTTP routes under
 *       {@code /api/v1/partners/{id}/};</li>
 *   <li>{@link uk.nhs.safety.campaign.api.partner.Exporter} and
 *       {@link uk.nhs.safety.campaign.api.partner.Importer}: named exports and validated, transactional imports;</li>
 *   <li>{@link uk.nhs.safety.campaign.api.partner.EvidenceContributor}: evidence about members for others' packs;</li>
 *   <li>Karaf console commands in its own scope (a {@code Karaf-Commands} header), EventAdmin handlers on the
 *       topics in {@link uk.nhs.safety.campaign.api.event.CampaignTopics}, and its own Config Admin PID with
 *       Metatype.</li>
 * </ul>
 * Core offers it {@link uk.nhs.safety.campaign.api.partner.PartnerStore} (its own versioned tables in the campaign
 * database), {@link uk.nhs.safety.campaign.api.partner.PartnerRegistry}, and the campaign services in
 * {@code uk.nhs.safety.campaign.api}; large imports load through
 * {@link uk.nhs.safety.campaign.api.partner.BulkLoader} (1.2) and run once per cluster through
 * {@link uk.nhs.safety.campaign.api.cluster.ClusterJobs}. A partner imports only {@code uk.nhs.safety.campaign.api*} packages (and its
 * own libraries), never core internals.
 *
 * <p>Interfaces marked {@code @ConsumerType} are implemented by partners: adding a method to them is a major
 * version change. {@code @ProviderType} interfaces are implemented by core: adding a method is a minor change.
 */
@Export
@Version("1.4.0")
package uk.nhs.safety.campaign.api.partner;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
