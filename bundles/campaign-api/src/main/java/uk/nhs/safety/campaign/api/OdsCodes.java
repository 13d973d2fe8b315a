package uk.nhs.safety.campaign.api;

import java.util.Locale;

/**
 * ODS codes as the platform compares and stores them: trimmed and in upper case, whatever the caller typed. Core
 * normalises every code it is given with this rule; a partner normalises codes from its own input (files, URLs,
 * commands) the same way before storing or comparing them. Whether a code has the right shape for an organisation
 * type is {@link OrganisationType#accepts}.
 *
 * @since 1.2
 */
public final class OdsCodes {

    private OdsCodes() {
    }

    /** The code with surrounding white space removed and in upper case; {@code null} stays {@code null}. */
    public static String normalise(String odsCode) {
        return odsCode == null ? null : odsCode.strip().toUpperCase(Locale.ROOT);
    }
}
