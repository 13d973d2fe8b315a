package uk.nhs.safety.campaign.api.partner;

/**
 * A partner integration's health as it reports it, or as core finds it when the integration is not running.
 *
 * @param status up, degraded, down or failed
 * @param detail one line saying why, or {@code null} when up
 */
public record PartnerHealth(Status status, String detail) {

    /** A partner's state; written in upper case everywhere (console, {@code /api/v1/partners}, {@code /api/health}). */
    public enum Status {
        /** Working. */
        UP,
        /** Working in part; the detail says what is missing. */
        DEGRADED,
        /** Running but not working; the detail says why. */
        DOWN,
        /**
         * Set by core, never reported by a partner: the partner's bundle (one with the {@code Safety-Partner}
         * manifest header) is installed but its {@link PartnerIntegration} is not registered: bundle not resolved or
         * not started, component disabled, waiting for its configuration or a service, or its activation failed.
         * The detail says which. Since 1.3.
         */
        FAILED
    }

    public static PartnerHealth up() {
        return new PartnerHealth(Status.UP, null);
    }
}
