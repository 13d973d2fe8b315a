package uk.nhs.safety.campaign.api;

/**
 * A primary driver: one of the few big things that must change to achieve the aim.
 *
 * @param key  identifier unique within the diagram (e.g. {@code P1})
 * @param text the driver
 */
public record PrimaryDriver(String key, String text) {
}
