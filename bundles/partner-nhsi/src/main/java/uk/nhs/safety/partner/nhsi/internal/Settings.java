package uk.nhs.safety.partner.nhsi.internal;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import uk.nhs.safety.campaign.api.ValidationException;
import uk.nhs.safety.campaign.api.Violation;
import uk.nhs.safety.partner.nhsi.internal.national.Assumptions;

/**
 * The partner's configuration, checked and typed.
 *
 * @param catalogueVersion the catalogue version asked for, or empty for the newest
 * @param assumptions      the roll-up's assumptions
 * @param collaboratives   configured collaborative keys by ODS code
 */
public record Settings(String catalogueVersion, Assumptions assumptions, Map<String, String> collaboratives) {
    public Settings {
        collaboratives = Map.copyOf(collaboratives);
    }

    /** Reads the configuration; every bad value is refused naming its attribute. */
    public static Settings of(NhsiConfig c) {
        List<Violation> problems = new ArrayList<>();
        YearMonth from = month("baselineFrom", c.baselineFrom(), problems);
        YearMonth to = month("baselineTo", c.baselineTo(), problems);
        if (from != null && to != null && from.isAfter(to)) {
            problems.add(Violation.of("baselineFrom", c.baselineFrom(), "after baselineTo " + c.baselineTo()));
        }
        if (c.windowMonths() < 1 || c.windowMonths() > 60) {
            problems.add(Violation.of("windowMonths", c.windowMonths(), "1 to 60 months"));
        }
        for (String[] f : new String[][] {{"deathFraction", "" + c.deathFraction()},
                {"severeFraction", "" + c.severeFraction()}}) {
            double v = Double.parseDouble(f[1]);
            if (!(v >= 0 && v <= 1)) {
                problems.add(Violation.of(f[0], f[1], "a share from 0 to 1"));
            }
        }
        if (!(c.harmGoalPercent() > 0 && c.harmGoalPercent() <= 100) || c.livesGoal() < 0) {
            problems.add(Violation.of("harmGoalPercent/livesGoal", c.harmGoalPercent() + "/" + c.livesGoal(),
                    "the harm goal is above 0 and at most 100 %, the lives goal not negative"));
        }
        Map<String, String> overrides = new HashMap<>();
        for (String o : c.collaborativeOverrides() == null ? new String[0] : c.collaborativeOverrides()) {
            String[] kv = o.split("=", 2);
            if (kv.length != 2 || kv[0].isBlank() || kv[1].isBlank()) {
                problems.add(Violation.of("collaborativeOverrides", o, "ODS=collaborative-key"));
            } else {
                overrides.put(kv[0].strip().toUpperCase(Locale.ROOT), kv[1].strip());
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return new Settings(c.catalogueVersion() == null ? "" : c.catalogueVersion().strip(),
                new Assumptions(from, to, c.windowMonths(), c.deathFraction(), c.severeFraction(),
                        c.harmGoalPercent(), c.livesGoal()), overrides);
    }

    /** The defaults, as {@link NhsiConfig} declares them. */
    public static Settings defaults() {
        return new Settings("", new Assumptions(YearMonth.of(2013, 4), YearMonth.of(2014, 3), 12, 1.0, 0.1, 50, 6000),
                Map.of());
    }

    private static YearMonth month(String field, String text, List<Violation> problems) {
        try {
            return YearMonth.parse(text == null ? "" : text.strip());
        } catch (DateTimeParseException e) {
            problems.add(Violation.of(field, text, "a month as yyyy-mm"));
            return null;
        }
    }
}
