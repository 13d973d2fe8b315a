package uk.nhs.safety.campaign.api;

/** Base of every error the campaign services report on purpose; its message is fit to show a user as one line. */
public class CampaignException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CampaignException(String message) {
        super(message);
    }

    public CampaignException(String message, Throwable cause) {
        super(message, cause);
    }
}
