package uk.nhs.safety.campaign.model.internal.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What Karaf's resolver would do, read from the report of a dry run ({@code feature:install --simulate},
 * {@code FeaturesService.Option.Simulate}): the lines Karaf 4.4's deployer prints, in this shape:
 * <pre>
 * Changes to perform:
 *   Region: root
 *     Bundles to uninstall:
 *       org.example.old/1.0.0
 *     Bundles to update:
 *       org.example.foo/1.0.0 with mvn:org.example/foo/1.1.0
 *     Bundles to install:
 *       mvn:org.example/bar/1.0.0
 *   Bundles to refresh:
 *     org.example.baz/2.0.0 (Wired to org.example.foo/1.0.0 which is being refreshed)
 * </pre>
 * or {@code No deployment change.}
 *
 * @param install   locations of bundles to install
 * @param update    bundles to update, {@code name/version}
 * @param uninstall bundles to uninstall, {@code name/version}
 * @param refresh   bundles to refresh, with Karaf's reason
 */
record Simulation(List<String> install, List<BundleRef> update, List<BundleRef> uninstall, List<Refresh> refresh) {

    /** The first line of a report of changes; {@link #NO_CHANGE} when there are none. */
    static final String CHANGES = "Changes to perform:";
    static final String NO_CHANGE = "No deployment change.";

    Simulation {
        install = List.copyOf(install);
        update = List.copyOf(update);
        uninstall = List.copyOf(uninstall);
        refresh = List.copyOf(refresh);
    }

    /** A bundle as Karaf names it, {@code symbolic-name/version}. */
    record BundleRef(String symbolicName, String version) {

        static BundleRef parse(String text) {
            String t = text.trim();
            int with = t.indexOf(" with ");
            if (with >= 0) {
                t = t.substring(0, with);
            }
            int slash = t.lastIndexOf('/');
            return slash < 0 ? new BundleRef(t, "") : new BundleRef(t.substring(0, slash).trim(),
                    t.substring(slash + 1).trim());
        }

        @Override
        public String toString() {
            return symbolicName + "/" + version;
        }
    }

    /** A bundle to refresh and Karaf's reason, e.g. {@code Wired to x/1.0 which is being refreshed}. */
    record Refresh(BundleRef bundle, String reason) {

        static Refresh parse(String text) {
            String t = text.trim();
            String reason = "";
            if (t.endsWith(")") && t.contains(" (")) {
                int open = t.indexOf(" (");
                reason = t.substring(open + 2, t.length() - 1);
                t = t.substring(0, open);
            }
            return new Refresh(BundleRef.parse(t), reason);
        }
    }

    /**
     * Reads the last report in the lines (earlier lines may belong to other work of the features service), or empty
     * when the lines hold no report at all.
     */
    static Optional<Simulation> parse(List<String> lines) {
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.equals(CHANGES) || line.equals(NO_CHANGE)) {
                start = i;
            }
        }
        if (start < 0) {
            return Optional.empty();
        }
        List<String> install = new ArrayList<>();
        List<BundleRef> update = new ArrayList<>();
        List<BundleRef> uninstall = new ArrayList<>();
        List<Refresh> refresh = new ArrayList<>();
        String section = "";
        for (String raw : lines.subList(start + 1, lines.size())) {
            String line = raw.trim();
            if (line.isEmpty() || line.startsWith("Region:")) {
                continue;
            }
            if (line.endsWith(":")) {
                section = line;
                continue;
            }
            switch (section) {
                case "Bundles to install:" -> install.add(line);
                case "Bundles to update:" -> update.add(BundleRef.parse(line));
                case "Bundles to uninstall:" -> uninstall.add(BundleRef.parse(line));
                case "Bundles to refresh:" -> refresh.add(Refresh.parse(line));
                default -> {
                    // features to install/uninstall, configurations, managed bundles: nothing to check
                }
            }
        }
        return Optional.of(new Simulation(install, update, uninstall, refresh));
    }
}
