/**
 * The web SPI: pages a partner bundle contributes to the campaign's public web pages (bundle {@code campaign-web}).
 *
 * <p>A partner registers a {@link uk.nhs.safety.campaign.api.web.PartnerPage} service (a Declarative Services
 * component). The web pages track these services dynamically: a page appears (linked from every member's public page,
 * or from the national dashboard) while the partner's bundle is active and vanishes when it is stopped or
 * uninstalled; nothing else restarts. A partner imports only {@code uk.nhs.safety.campaign.api*} packages.
 *
 * <p>{@code @ConsumerType} interfaces are implemented by partners: adding a method to them is a major version change.
 */
@Export
@Version("1.0.0")
package uk.nhs.safety.campaign.api.web;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
