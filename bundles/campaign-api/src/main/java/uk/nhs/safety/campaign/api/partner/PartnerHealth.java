package uk.nhs.safety.campaign.api.partner;

/**
 * A partner integration's health as it reports it.
 *
 * @param status up, degraded or down
 * @param detail one line saying why, or {@code null} when up
 */
public record PartnerHealth(Status status, String detail) {

    public enum Status { UP, DEGRADED, DOWN }

    public static PartnerHealth up() {
        return new PartnerHealth(Status.UP, null);
    }
}
