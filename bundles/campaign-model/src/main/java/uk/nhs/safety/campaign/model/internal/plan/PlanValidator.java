package uk.nhs.safety.campaign.model.internal.plan;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import uk.nhs.safety.campaign.api.ChangeIdea;
import uk.nhs.safety.campaign.api.DriverDiagram;
import uk.nhs.safety.campaign.api.Measure;
import uk.nhs.safety.campaign.api.PlanContent;
import uk.nhs.safety.campaign.api.PrimaryDriver;
import uk.nhs.safety.campaign.api.SecondaryDriver;
import uk.nhs.safety.campaign.api.spc.SpcRuleProfile;
import uk.nhs.safety.campaign.api.spc.TargetStep;
import uk.nhs.safety.campaign.model.internal.validation.Checks;

/**
 * The rules a plan's content must meet. Every problem is reported with its path in the content (e.g.
 * {@code diagram.secondaryDrivers[1].primaryKeys[0]}), so an editor can point at it.
 */
public final class PlanValidator {

    static final int TITLE_MAX = 200;
    static final int TEXT_MAX = 1000;
    static final int NAME_MAX = 200;
    static final int UNIT_MAX = 50;
    static final int DEFINITION_MAX = 2000;
    static final int TARGETS_MAX = 60;
    static final Pattern DIAGRAM_KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,19}");
    static final Pattern MEASURE_KEY = Pattern.compile("[a-z0-9][a-z0-9-]{0,49}");

    private PlanValidator() {
    }

    /** The last day of a plan starting on {@code start}: plans cover three years. */
    public static LocalDate periodEnd(LocalDate start) {
        return start.plusYears(3).minusDays(1);
    }

    /**
     * Checks {@code content} into {@code checks} and returns it with the period end filled in when it was left out.
     *
     * @param focusAreas the codes of the focus-area vocabulary
     */
    public static PlanContent validate(PlanContent content, Set<String> focusAreas, Checks checks) {
        if (content == null) {
            checks.add("content", null, "is required");
            return null;
        }
        checks.text("title", content.title(), TITLE_MAX);
        LocalDate start = checks.required("periodStart", content.periodStart());
        LocalDate end = content.periodEnd();
        if (start != null) {
            LocalDate expected = periodEnd(start);
            if (end != null && !end.equals(expected)) {
                checks.add("periodEnd", end, "a safety improvement plan covers three years: starting " + start
                        + " it ends " + expected);
            }
            end = expected;
        }
        focusAreas(content.focusAreas(), focusAreas, checks);
        Set<String> diagramKeys = diagram(content.diagram(), checks);
        measures(content.measures(), diagramKeys, start, end, checks);
        return new PlanContent(content.title(), start, end, content.focusAreas(), content.diagram(),
                content.measures());
    }

    private static void focusAreas(List<String> codes, Set<String> vocabulary, Checks checks) {
        if (codes.isEmpty()) {
            checks.add("focusAreas", null, "name at least one focus area");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            String path = "focusAreas[" + i + "]";
            if (code == null) {
                checks.add(path, null, "is required");
            } else if (!vocabulary.contains(code)) {
                checks.add(path, code, "is not in the focus-area vocabulary");
            } else if (!seen.add(code)) {
                checks.add(path, code, "is listed twice");
            }
        }
    }

    /** Checks the diagram; returns every well-formed key in it (for measure links). */
    private static Set<String> diagram(DriverDiagram diagram, Checks checks) {
        Set<String> all = new HashSet<>();
        if (diagram == null) {
            checks.add("diagram", null, "a plan needs a driver diagram");
            return all;
        }
        if (diagram.aim() == null || diagram.aim().isBlank()) {
            checks.add("diagram.aim", diagram.aim(), "a plan needs an aim");
        } else {
            checks.optionalText("diagram.aim", diagram.aim(), TEXT_MAX);
        }
        Map<String, String> keyPaths = new HashMap<>();
        Set<String> primaries = keys(diagram.primaryDrivers(), "diagram.primaryDrivers", PrimaryDriver::key,
                PrimaryDriver::text, keyPaths, checks);
        Set<String> secondaries = keys(diagram.secondaryDrivers(), "diagram.secondaryDrivers",
                SecondaryDriver::key, SecondaryDriver::text, keyPaths, checks);
        keys(diagram.changeIdeas(), "diagram.changeIdeas", ChangeIdea::key, ChangeIdea::text, keyPaths, checks);

        List<SecondaryDriver> secondaryDrivers = diagram.secondaryDrivers();
        for (int i = 0; i < secondaryDrivers.size(); i++) {
            if (secondaryDrivers.get(i) != null) {
                links(secondaryDrivers.get(i).primaryKeys(), "diagram.secondaryDrivers[" + i + "].primaryKeys",
                        primaries, "primary driver", checks);
            }
        }
        List<ChangeIdea> ideas = diagram.changeIdeas();
        for (int i = 0; i < ideas.size(); i++) {
            if (ideas.get(i) != null) {
                links(ideas.get(i).secondaryKeys(), "diagram.changeIdeas[" + i + "].secondaryKeys", secondaries,
                        "secondary driver", checks);
            }
        }
        all.addAll(keyPaths.keySet());
        return all;
    }

    private static <T> Set<String> keys(List<T> items, String listPath, Function<T, String> key,
                                        Function<T, String> text, Map<String, String> keyPaths, Checks checks) {
        Set<String> valid = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            String path = listPath + "[" + i + "]";
            T item = items.get(i);
            if (item == null) {
                checks.add(path, null, "is required");
                continue;
            }
            checks.text(path + ".text", text.apply(item), TEXT_MAX);
            String k = key.apply(item);
            if (k == null || k.isBlank()) {
                checks.add(path + ".key", k, "is required");
            } else if (DriverDiagram.AIM.equalsIgnoreCase(k)) {
                checks.add(path + ".key", k, "is reserved for the aim");
            } else if (!DIAGRAM_KEY.matcher(k).matches()) {
                checks.add(path + ".key", k, "must be 1 to 20 letters, digits and hyphens, starting with a letter"
                        + " or digit");
            } else if (keyPaths.containsKey(k)) {
                checks.add(path + ".key", k, "is already used by " + keyPaths.get(k) + "; keys must be unique"
                        + " across the diagram");
            } else {
                keyPaths.put(k, path);
                valid.add(k);
            }
        }
        return valid;
    }

    private static void links(List<String> links, String path, Set<String> targets, String what, Checks checks) {
        if (links.isEmpty()) {
            checks.add(path, null, "link at least one " + what);
        }
        for (int i = 0; i < links.size(); i++) {
            String link = links.get(i);
            if (link == null || !targets.contains(link)) {
                checks.add(path + "[" + i + "]", link, "no " + what + " has this key");
            }
        }
    }

    private static void measures(List<Measure> measures, Set<String> diagramKeys, LocalDate start, LocalDate end,
                                 Checks checks) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < measures.size(); i++) {
            String path = "measures[" + i + "]";
            Measure m = measures.get(i);
            if (m == null) {
                checks.add(path, null, "is required");
                continue;
            }
            if (m.key() == null || m.key().isBlank()) {
                checks.add(path + ".key", m.key(), "is required");
            } else if (!MEASURE_KEY.matcher(m.key()).matches()) {
                checks.add(path + ".key", m.key(), "must be 1 to 50 lower-case letters, digits and hyphens,"
                        + " starting with a letter or digit");
            } else if (!seen.add(m.key())) {
                checks.add(path + ".key", m.key(), "is used by another measure; measure keys must be unique");
            }
            checks.text(path + ".name", m.name(), NAME_MAX);
            checks.required(path + ".type", m.type());
            checks.optionalText(path + ".definition", m.definition(), DEFINITION_MAX);
            checks.text(path + ".unit", m.unit(), UNIT_MAX);
            checks.required(path + ".direction", m.direction());
            finite(path + ".baseline", m.baseline(), checks);
            finite(path + ".target", m.target(), checks);
            if (m.linkedTo() == null || m.linkedTo().isBlank()) {
                checks.add(path + ".linkedTo", m.linkedTo(), "link the measure to the aim or to a driver");
            } else if (!DriverDiagram.AIM.equals(m.linkedTo()) && !diagramKeys.contains(m.linkedTo())) {
                checks.add(path + ".linkedTo", m.linkedTo(), "is neither \"aim\" nor a key in the driver diagram");
            }
            if (m.ruleProfile() != null && SpcRuleProfile.named(m.ruleProfile()).isEmpty()) {
                checks.add(path + ".ruleProfile", m.ruleProfile(), "is not a known SPC rule profile: use one of "
                        + SpcRuleProfile.known().stream().map(SpcRuleProfile::name).toList()
                        + ", or leave it out for the platform's default");
            }
            targets(path + ".targets", m.targets(), checks);
            List<LocalDate> rebase = m.rebaseFrom();
            for (int j = 0; j < rebase.size(); j++) {
                LocalDate d = rebase.get(j);
                if (d == null) {
                    checks.add(path + ".rebaseFrom[" + j + "]", null, "is required");
                } else if (start != null && (d.isBefore(start) || d.isAfter(end))) {
                    checks.add(path + ".rebaseFrom[" + j + "]", d, "must be inside the plan period " + start + " to "
                            + end);
                }
            }
        }
    }

    /** A target trajectory: at most {@link #TARGETS_MAX} steps, each with a finite value, dates strictly rising. */
    private static void targets(String path, List<TargetStep> steps, Checks checks) {
        if (steps.size() > TARGETS_MAX) {
            checks.add(path, steps.size() + " steps", "may have at most " + TARGETS_MAX + " steps");
            return;
        }
        LocalDate previous = null;
        for (int j = 0; j < steps.size(); j++) {
            String step = path + "[" + j + "]";
            TargetStep t = steps.get(j);
            if (t == null) {
                checks.add(step, null, "is required");
                continue;
            }
            if (t.value() == null) {
                checks.add(step + ".value", null, "is required: the target in force from the step's date");
            } else {
                finite(step + ".value", t.value(), checks);
            }
            if (t.from() == null) {
                checks.add(step + ".from", null, "is required: the date from which the step's target is in force");
                continue;
            }
            if (previous != null && t.from().equals(previous)) {
                checks.add(step + ".from", t.from(), "is the date of the step before; each step needs its own date");
            } else if (previous != null && t.from().isBefore(previous)) {
                checks.add(step + ".from", t.from(), "is before the step before (" + previous
                        + "): list the steps in date order");
            }
            if (previous == null || t.from().isAfter(previous)) {
                previous = t.from();
            }
        }
    }

    private static void finite(String path, Double value, Checks checks) {
        if (value != null && !Double.isFinite(value)) {
            checks.add(path, value, "must be a finite number");
        }
    }
}
