package uk.nhs.safety.campaign.model.internal.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;

/**
 * The decisions of a safe partner install, apart from Karaf: which bundles a change may touch, and whether a
 * partner's imports of the contract accept the running {@code campaign-api}.
 */
final class InstallRules {

    /** The contract's packages: a partner's imports of these are checked against the running campaign-api. */
    static final String API_PACKAGE = "uk.nhs.safety.campaign.api";

    private InstallRules() {
    }

    /**
     * The bundles a change would disturb, one line each: every bundle the dry run would refresh, update or uninstall
     * that is not one of the partner's own ({@code own}: symbolic names of the feature's partner bundles, old and
     * new). {@code kindOf} says what a bundle is, e.g. {@code core bundle} or {@code bundle of partner nhsla}.
     */
    static List<String> disturbed(Simulation simulation, Set<String> own, Function<String, String> kindOf) {
        List<String> lines = new ArrayList<>();
        for (Simulation.Refresh r : simulation.refresh()) {
            if (!own.contains(r.bundle().symbolicName())) {
                lines.add(r.bundle() + " (" + kindOf.apply(r.bundle().symbolicName()) + ") would be refreshed"
                        + (r.reason().isBlank() ? "" : ": " + r.reason()));
            }
        }
        for (Simulation.BundleRef b : simulation.update()) {
            if (!own.contains(b.symbolicName())) {
                lines.add(b + " (" + kindOf.apply(b.symbolicName()) + ") would be updated and restarted");
            }
        }
        for (Simulation.BundleRef b : simulation.uninstall()) {
            if (!own.contains(b.symbolicName())) {
                lines.add(b + " (" + kindOf.apply(b.symbolicName()) + ") would be uninstalled");
            }
        }
        return lines;
    }

    /**
     * The partner bundle's imports of {@code uk.nhs.safety.campaign.api*} that the running contract does not meet,
     * one line each naming the package, the bundle's range and what the running campaign-api offers.
     *
     * @param bundle        the partner bundle, {@code name/version}
     * @param importPackage its {@code Import-Package} header ({@code null}: none)
     * @param exported      the running campaign-api's packages and their versions
     * @param api           the running campaign-api, {@code name/version}
     */
    static List<String> contractProblems(String bundle, String importPackage, Map<String, Version> exported,
                                         String api) {
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, String> imported : imports(importPackage).entrySet()) {
            String pkg = imported.getKey();
            if (!pkg.equals(API_PACKAGE) && !pkg.startsWith(API_PACKAGE + ".")) {
                continue;
            }
            VersionRange range;
            try {
                range = new VersionRange(imported.getValue());
            } catch (IllegalArgumentException e) {
                lines.add(bundle + " imports " + pkg + " with an unreadable version range '" + imported.getValue()
                        + "'");
                continue;
            }
            Version offered = exported.get(pkg);
            if (offered == null) {
                lines.add(bundle + " imports " + pkg + " " + range + ", which the running " + api
                        + " does not export (it needs a newer contract)");
            } else if (!range.includes(offered)) {
                lines.add(bundle + " imports " + pkg + " " + range + " but the running " + api + " exports it at "
                        + offered);
            }
        }
        return lines;
    }

    /** The packages of an {@code Import-Package} header and their version ranges ({@code 0.0.0} when unversioned). */
    static Map<String, String> imports(String header) {
        Map<String, String> imports = new java.util.LinkedHashMap<>();
        if (header == null || header.isBlank()) {
            return imports;
        }
        for (String clause : split(header, ',')) {
            List<String> parts = split(clause, ';');
            List<String> packages = new ArrayList<>();
            String version = "0.0.0";
            for (String part : parts) {
                String p = part.trim();
                int eq = p.indexOf('=');
                if (eq < 0) {
                    packages.add(p);
                } else if (p.substring(0, eq).trim().equals("version")) {
                    version = p.substring(eq + 1).trim().replace("\"", "");
                }
            }
            for (String pkg : packages) {
                imports.put(pkg, version);
            }
        }
        return imports;
    }

    /** Splits at the separator outside double quotes (version ranges hold commas). */
    private static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : text.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (!current.toString().isBlank()) {
            parts.add(current.toString());
        }
        return parts;
    }
}
