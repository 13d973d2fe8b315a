package uk.nhs.safety.campaign.api.files;

import uk.nhs.safety.campaign.api.CampaignException;

/** A file name that {@link FileArea} refuses: outside its folder, or inside a protected one. Nothing was read or written. */
public class FileRefusedException extends CampaignException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message one line naming the path and the folder
     */
    public FileRefusedException(String message) {
        super(message);
    }
}
