package uk.nhs.safety.partner.cqc.internal.framework;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;

import uk.nhs.safety.campaign.api.ValidationException;
import uk.nhs.safety.campaign.api.Violation;
import uk.nhs.safety.partner.support.json.PartnerJson;

/**
 * Loads a framework version ({@code frameworks/cqc-<version>.json}) and the default mapping rules
 * ({@code mapping/default-rules.json}) from the bundle, and checks them against each other. Adding a framework
 * version is adding a file: no code names a version. Every problem found is reported at once, as a
 * {@link ValidationException} whose violations name the file and the JSON path. Stateless and thread-safe.
 */
public final class FrameworkLoader {

    /** The mapping file, relative to the bundle's root. */
    public static final String RULES = "mapping/default-rules.json";

    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]{0,31}");
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /** Opens a resource by path, or answers {@code null} when there is none. */
    @FunctionalInterface
    public interface Resources {
        InputStream open(String path) throws IOException;
    }

    private final Resources resources;
    private final PartnerJson json;

    /** Reads the files bundled with this class. */
    public FrameworkLoader(PartnerJson json) {
        this(path -> FrameworkLoader.class.getClassLoader().getResourceAsStream(path), json);
    }

    public FrameworkLoader(Resources resources, PartnerJson json) {
        this.resources = resources;
        this.json = json;
    }

    /** The file a framework version is read from. */
    public static String frameworkPath(String version) {
        return "frameworks/cqc-" + version + ".json";
    }

    /**
     * Loads one framework version and the mapping rules.
     *
     * @throws ValidationException naming {@code frameworkVersion} for a malformed or unknown version, or the file and
     *                             JSON path of every problem in the data files
     */
    public CqcFramework load(String version) {
        if (version == null || !VERSION.matcher(version).matches()) {
            throw new ValidationException(Violation.of("frameworkVersion", version,
                    "expected a version of letters, digits, dots and hyphens, e.g. 2023"));
        }
        String path = frameworkPath(version);
        Framework framework = read(path, Framework.class, "frameworkVersion", version,
                "no such framework version: the bundle has no file " + path);
        List<Violation> problems = new ArrayList<>();
        checkFramework(path, version, framework, problems);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        MappingRules rules = read(RULES, MappingRules.class, RULES, null, "the bundle has no mapping file");
        checkRules(framework, rules, problems);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return new CqcFramework(framework, rules);
    }

    private <T> T read(String path, Class<T> type, String missingField, String missingValue, String missingMessage) {
        try (InputStream in = resources.open(path)) {
            if (in == null) {
                throw new ValidationException(Violation.of(missingField, missingValue, missingMessage));
            }
            return json.read(in, type);
        } catch (JsonMappingException e) {
            throw new ValidationException(Violation.of(path + (e.getPath().isEmpty() ? "" : " " + jsonPath(e)), null,
                    firstLine(e.getOriginalMessage())));
        } catch (JsonProcessingException e) {
            Integer line = e.getLocation() == null ? null : e.getLocation().getLineNr();
            throw new ValidationException(line == null
                    ? Violation.of(path, null, "not JSON: " + firstLine(e.getOriginalMessage()))
                    : Violation.atLine(line, path, null, "not JSON: " + firstLine(e.getOriginalMessage())));
        } catch (IOException e) {
            throw new ValidationException(Violation.of(path, null, "cannot be read: " + e.getMessage()));
        }
    }

    private static void checkFramework(String path, String version, Framework f, List<Violation> problems) {
        if (!version.equals(f.version())) {
            problems.add(Violation.of(path + " version", f.version(), "must be " + version + ", as in the file name"));
        }
        if (f.keyQuestions().isEmpty()) {
            problems.add(Violation.of(path + " keyQuestions", null, "at least one key question is needed"));
        }
        Set<String> questionIds = new HashSet<>();
        Set<String> statementIds = new HashSet<>();
        for (int i = 0; i < f.keyQuestions().size(); i++) {
            KeyQuestion k = f.keyQuestions().get(i);
            String at = path + " keyQuestions[" + i + "]";
            checkId(at + ".id", k.id(), questionIds, problems);
            checkName(at + ".name", k.name(), problems);
            if (k.statements().isEmpty()) {
                problems.add(Violation.of(at + ".statements", null, "a key question needs quality statements"));
            }
            for (int j = 0; j < k.statements().size(); j++) {
                QualityStatement s = k.statements().get(j);
                String sat = at + ".statements[" + j + "]";
                String prefix = k.id() + ".";
                if (s.id() == null || !s.id().startsWith(prefix)
                        || !ID.matcher(s.id().substring(prefix.length())).matches()) {
                    problems.add(Violation.of(sat + ".id", s.id(),
                            "must be '" + prefix + "' then lower-case words joined by hyphens"));
                } else if (!statementIds.add(s.id())) {
                    problems.add(Violation.of(sat + ".id", s.id(), "used twice"));
                }
                checkName(sat + ".name", s.name(), problems);
            }
        }
        Set<String> categoryIds = new HashSet<>();
        for (int i = 0; i < f.evidenceCategories().size(); i++) {
            EvidenceCategory c = f.evidenceCategories().get(i);
            checkId(path + " evidenceCategories[" + i + "].id", c.id(), categoryIds, problems);
            checkName(path + " evidenceCategories[" + i + "].name", c.name(), problems);
        }
    }

    private static void checkRules(Framework f, MappingRules rules, List<Violation> problems) {
        for (Map.Entry<String, List<String>> e : rules.pledges().entrySet()) {
            if (!e.getKey().matches("[1-5]")) {
                problems.add(Violation.of(RULES + " pledges", e.getKey(), "a pledge is numbered 1 to 5"));
            }
            checkStatements(f, RULES + " pledges." + e.getKey(), e.getValue(), problems);
        }
        for (Map.Entry<String, List<String>> e : rules.focusAreas().entrySet()) {
            if (!ID.matcher(e.getKey()).matches()) {
                problems.add(Violation.of(RULES + " focusAreas", e.getKey(),
                        "a focus-area code is lower-case words joined by hyphens"));
            }
            checkStatements(f, RULES + " focusAreas." + e.getKey(), e.getValue(), problems);
        }
        for (ItemKind kind : ItemKind.values()) {
            String category = rules.categoryOf(kind);
            if (category == null) {
                problems.add(Violation.of(RULES + " categories." + kind.id(), null,
                        "every kind of item needs an evidence category"));
            } else if (f.category(category).isEmpty()) {
                problems.add(Violation.of(RULES + " categories." + kind.id(), category,
                        "no such evidence category in framework " + f.version()));
            }
        }
        Set<String> kinds = new HashSet<>();
        for (ItemKind kind : ItemKind.values()) {
            kinds.add(kind.id());
        }
        rules.categories().keySet().stream().filter(k -> !kinds.contains(k)).sorted().forEach(k -> problems.add(
                Violation.of(RULES + " categories", k, "no such kind of item; kinds are " + String.join(", ",
                        new TreeSet<>(kinds)))));
    }

    private static void checkStatements(Framework f, String at, List<String> ids, List<Violation> problems) {
        for (int i = 0; i < ids.size(); i++) {
            if (f.statement(ids.get(i)).isEmpty()) {
                problems.add(Violation.of(at + "[" + i + "]", ids.get(i),
                        "no such quality statement in framework " + f.version()));
            }
        }
    }

    private static void checkId(String at, String id, Set<String> seen, List<Violation> problems) {
        if (id == null || !ID.matcher(id).matches()) {
            problems.add(Violation.of(at, id, "must be lower-case words joined by hyphens"));
        } else if (!seen.add(id)) {
            problems.add(Violation.of(at, id, "used twice"));
        }
    }

    private static void checkName(String at, String name, List<Violation> problems) {
        if (name == null || name.isBlank()) {
            problems.add(Violation.of(at, name, "a name is needed"));
        }
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            } else {
                b.append(b.length() == 0 ? "" : ".").append(r.getFieldName());
            }
        }
        return b.toString();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).trim();
    }
}
