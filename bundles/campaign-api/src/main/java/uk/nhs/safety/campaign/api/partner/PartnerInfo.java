package uk.nhs.safety.campaign.api.partner;

/**
 * A snapshot of one installed partner integration, as core lists it.
 *
 * @param id       the partner's id
 * @param name     the partner body's name
 * @param version  the integration's version
 * @param bundle   symbolic name of the bundle that registered it
 * @param health   its health when asked
 */
public record PartnerInfo(String id, String name, String version, String bundle, PartnerHealth health) {
}
