package uk.nhs.safety.partner.nhsla.internal.claims;

import java.util.Locale;

/** Where a claim stands, as NHS LA reports it. */
public enum ClaimStatus {
    /** Not yet closed (interim payments possible). */
    OPEN,
    /** Closed without damages paid. */
    CLOSED,
    /** Closed with damages paid. */
    SETTLED;

    /** Reads the usual spellings ({@code open}, {@code closed without damages}, {@code settled}…), or {@code null}. */
    public static ClaimStatus parse(String text) {
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "open":
                return OPEN;
            case "closed":
            case "closed without damages":
            case "closed - nil damages":
            case "nil":
                return CLOSED;
            case "settled":
            case "closed with damages":
                return SETTLED;
            default:
                return null;
        }
    }
}
