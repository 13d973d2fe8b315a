package uk.nhs.safety.campaign.model.internal.validation;

import java.util.Locale;

/** ODS codes are compared trimmed and in upper case, whatever the caller typed. */
public final class OdsCodes {

    private OdsCodes() {
    }

    /** The code trimmed and upper-cased; {@code null} stays {@code null}. */
    public static String normalise(String odsCode) {
        return odsCode == null ? null : odsCode.strip().toUpperCase(Locale.ROOT);
    }
}
