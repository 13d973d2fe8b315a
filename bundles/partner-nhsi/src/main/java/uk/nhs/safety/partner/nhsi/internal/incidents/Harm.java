package uk.nhs.safety.partner.nhsi.internal.incidents;

import java.util.Locale;

/** The reporting system's degree of harm, from least to most. */
public enum Harm {
    NO_HARM("no harm"),
    LOW("low"),
    MODERATE("moderate"),
    SEVERE("severe"),
    DEATH("death");

    private final String label;

    Harm(String label) {
        this.label = label;
    }

    /** As a file writes it: {@code no harm}, {@code low}, {@code moderate}, {@code severe}, {@code death}. */
    public String label() {
        return label;
    }

    /** Moderate harm or worse: what the campaign counts as avoidable harm. */
    public boolean moderateOrWorse() {
        return compareTo(MODERATE) >= 0;
    }

    /**
     * Parses a degree of harm: the label, the constant name, or with "harm" added ({@code low harm}), ignoring case,
     * spaces, hyphens and underscores; {@code none} is no harm. Null when it is none of these.
     */
    public static Harm parse(String text) {
        if (text == null) {
            return null;
        }
        String n = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        if (n.equals("none") || n.equals("noharm")) {
            return NO_HARM;
        }
        for (Harm h : values()) {
            String name = h.label.replace(" ", "");
            if (n.equals(name) || n.equals(name + "harm")) {
                return h;
            }
        }
        return null;
    }
}
