package uk.nhs.safety.partner.cqc.internal;

import uk.nhs.safety.campaign.api.CampaignException;

/** The configured framework version did not load, so no pack can be built until the configuration is fixed. */
public final class FrameworkUnavailableException extends CampaignException {
    private static final long serialVersionUID = 1L;

    public FrameworkUnavailableException(String message) {
        super(message);
    }
}
