package uk.nhs.safety.campaign.api;

/** The member, plan version, action or measure asked for does not exist. */
public final class NotFoundException extends CampaignException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(message);
    }
}
