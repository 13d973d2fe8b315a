package uk.nhs.safety.partner.nhsla.internal.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import uk.nhs.safety.campaign.api.ValidationException;
import uk.nhs.safety.campaign.api.Violation;

/**
 * The configurable mapping from claim specialty (and optionally cause) to campaign focus areas. Each rule is written
 * {@code specialty[|cause]=focus-area}; {@code *} as the specialty matches any. Matching ignores case and spaces at
 * the ends. Examples: {@code obstetrics=maternity}, {@code emergency medicine|failure/delay diagnosis=diagnosis-in-ae}.
 *
 * @param rules the rules in order
 */
public record LinkageRules(List<Rule> rules) {

    /** The default rules (the areas the 2014/15 incentive funded most: maternity, surgery, A&E, deterioration). */
    public static final String[] DEFAULTS = {
        "obstetrics=maternity",
        "emergency medicine|failure/delay diagnosis=diagnosis-in-ae",
        "emergency medicine|wrong diagnosis=diagnosis-in-ae",
        "orthopaedic surgery=surgical-safety",
        "general surgery=surgical-safety",
        "urology=surgical-safety",
        "*|failure to recognise complications=deteriorating-patient",
        "*|failure to monitor=deteriorating-patient",
        "*|medication error=medication-safety",
        "nursing|fall=falls",
        "nursing|pressure ulcer=pressure-ulcers",
        "mental health=mental-health-safety",
    };

    /**
     * One rule.
     *
     * @param specialty lower case, or {@code *}
     * @param cause     lower case, or {@code null} for any cause
     * @param focusArea the focus-area code
     */
    public record Rule(String specialty, String cause, String focusArea) {

        /** Whether it applies to a claim of this specialty (any cause). */
        boolean matchesSpecialty(String s) {
            return specialty.equals("*") || specialty.equals(s.trim().toLowerCase(Locale.ROOT));
        }

        /** Whether it applies to a claim of this specialty and cause. */
        boolean matches(String s, String c) {
            return matchesSpecialty(s) && (cause == null || cause.equals(c.trim().toLowerCase(Locale.ROOT)));
        }

        @Override
        public String toString() {
            return specialty + (cause == null ? "" : "|" + cause) + "=" + focusArea;
        }
    }

    public LinkageRules {
        rules = List.copyOf(rules);
    }

    /** Parses the configured rules; every malformed one is reported, by its position. */
    public static LinkageRules parse(String[] texts) {
        List<Rule> rules = new ArrayList<>();
        List<Violation> problems = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            String t = texts[i].trim();
            int eq = t.lastIndexOf('=');
            String left = eq < 0 ? "" : t.substring(0, eq).trim();
            String area = eq < 0 ? "" : t.substring(eq + 1).trim();
            if (left.isEmpty() || !area.matches("[a-z0-9][a-z0-9-]*")) {
                problems.add(Violation.of("linkageRules[" + i + "]", texts[i],
                        "a rule is specialty[|cause]=focus-area-code"));
                continue;
            }
            int bar = left.indexOf('|');
            String specialty = (bar < 0 ? left : left.substring(0, bar)).trim().toLowerCase(Locale.ROOT);
            String cause = bar < 0 ? null : left.substring(bar + 1).trim().toLowerCase(Locale.ROOT);
            if (specialty.isEmpty() || cause != null && cause.isEmpty()) {
                problems.add(Violation.of("linkageRules[" + i + "]", texts[i], "specialty and cause must not be empty"));
                continue;
            }
            rules.add(new Rule(specialty, cause, area));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return new LinkageRules(rules);
    }
}
