package uk.nhs.safety.campaign.api.cluster;

import uk.nhs.safety.campaign.api.partner.PartnerHealth;

/**
 * A partner integration installed on a node, as that node last reported it.
 *
 * @param id      the partner's id
 * @param version the integration's version on that node
 * @param health  its health at the node's last heartbeat
 */
public record NodePartner(String id, String version, PartnerHealth health) {
}
