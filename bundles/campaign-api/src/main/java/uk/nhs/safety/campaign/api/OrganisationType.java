package uk.nhs.safety.campaign.api;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The kinds of member organisation, each with the shape of ODS code it must have.
 *
 * <p>NHS trusts (acute, mental health, learning disability, ambulance, community) have 3-character codes starting
 * {@code R}, or {@code T} for care trusts. CCGs have 3 characters such as {@code 00L} or {@code 99A}; ICBs start
 * {@code Q}. GP practices have a letter and 5 digits. National bodies, royal colleges and academic institutions have
 * an ODS code where one exists (e.g. {@code X24}), otherwise a campaign-assigned code of 3 to 8 letters and digits.
 */
public enum OrganisationType {
    ACUTE("Acute trust", Shapes.TRUST),
    MENTAL_HEALTH("Mental health trust", Shapes.TRUST),
    LEARNING_DISABILITY("Learning disability provider", Shapes.TRUST),
    AMBULANCE("Ambulance service", Shapes.TRUST),
    COMMUNITY("Community provider", Shapes.TRUST),
    CCG_ICB("CCG / ICB", Shapes.COMMISSIONER),
    GP_PRACTICE("GP practice", Shapes.GP),
    NATIONAL_BODY("National body", Shapes.OTHER),
    ROYAL_COLLEGE("Royal college", Shapes.OTHER),
    ACADEMIC("Academic institution", Shapes.OTHER);

    private final String label;
    private final Shapes shape;

    OrganisationType(String label, Shapes shape) {
        this.label = label;
        this.shape = shape;
    }

    /** A human label, e.g. "Ambulance service". */
    public String label() {
        return label;
    }

    /** Whether {@code odsCode} (already upper case, trimmed) has the shape this type requires. */
    public boolean accepts(String odsCode) {
        return odsCode != null && shape.pattern.matcher(odsCode).matches();
    }

    /** The rule, in words, for error messages. */
    public String codeRule() {
        return shape.rule;
    }

    /** Parses a type from its name or label, ignoring case, spaces, hyphens and slashes. */
    public static OrganisationType parse(String text) {
        String key = normalise(text);
        for (OrganisationType t : values()) {
            if (normalise(t.name()).equals(key) || normalise(t.label).equals(key)) {
                return t;
            }
        }
        throw new ValidationException(Violation.of("type", text, "unknown organisation type; one of " + names()));
    }

    private static String names() {
        StringBuilder b = new StringBuilder();
        for (OrganisationType t : values()) {
            b.append(b.length() == 0 ? "" : ", ").append(t.name().toLowerCase(Locale.ROOT));
        }
        return b.toString();
    }

    private static String normalise(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    private enum Shapes {
        TRUST("^[RT][A-Z0-9]{2}$", "an NHS trust code is 3 characters starting R (or T for a care trust), e.g. RGT"),
        COMMISSIONER("^([0-9]{2}[A-Z0-9]|Q[A-Z0-9]{2})$", "a CCG code is 2 digits and a letter or digit (e.g. 00L, 99A); an ICB code is 3 characters starting Q"),
        GP("^[A-Z][0-9]{5}$", "a GP practice code is a letter and 5 digits, e.g. A81001"),
        OTHER("^[A-Z0-9]{3,8}$", "a code of 3 to 8 capital letters and digits");

        private final Pattern pattern;
        private final String rule;

        Shapes(String regex, String rule) {
            this.pattern = Pattern.compile(regex);
            this.rule = rule;
        }
    }
}
