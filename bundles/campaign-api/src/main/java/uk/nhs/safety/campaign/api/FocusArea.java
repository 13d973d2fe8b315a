package uk.nhs.safety.campaign.api;

/**
 * An improvement area from the campaign's controlled vocabulary (e.g. {@code maternity}, {@code sepsis}).
 *
 * @param code  stable lower-case key, letters, digits and hyphens
 * @param label human label
 */
public record FocusArea(String code, String label) {
}
