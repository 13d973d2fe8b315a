package uk.nhs.safety.campaign.api.deploy;

import java.util.List;

import uk.nhs.safety.campaign.api.CampaignException;

/**
 * A partner install, upgrade or removal was refused and nothing was changed. The message names the check that failed
 * and, one by one, the bundles concerned and why (Karaf's reason where it gives one). The HTTP API answers it with
 * 409 Conflict.
 */
public class InstallRefusedException extends CampaignException {

    private static final long serialVersionUID = 1L;

    /** The check that failed. */
    public enum Check {
        /** The feature's bundles declare no partner ({@code Safety-Partner} header). */
        PARTNER,
        /** A partner bundle imports a {@code campaign-api} package in a range the running contract does not meet. */
        CONTRACT,
        /** Karaf's resolver would refresh, update or remove a bundle of core or of another partner. */
        REFRESH,
        /** Karaf's dry run could not be read or did not complete. */
        SIMULATION
    }

    private final Check check;
    private final List<String> problems;

    /**
     * @param check    the check that failed
     * @param summary  the first line, e.g. {@code safety-partner-foo 1.2.0 would refresh 2 bundles of core}
     * @param problems one line per bundle concerned
     */
    public InstallRefusedException(Check check, String summary, List<String> problems) {
        super(summary + (problems.isEmpty() ? "" : ": " + String.join("; ", problems)));
        this.check = check;
        this.problems = List.copyOf(problems);
    }

    /** The check that failed. */
    public Check check() {
        return check;
    }

    /** One line per bundle concerned and why. */
    public List<String> problems() {
        return problems;
    }
}
