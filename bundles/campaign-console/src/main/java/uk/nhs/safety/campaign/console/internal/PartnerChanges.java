package uk.nhs.safety.campaign.console.internal;

import java.util.List;

import uk.nhs.safety.campaign.api.deploy.PartnerChange;

/** How the partner commands show what they did. */
final class PartnerChanges {

    private PartnerChanges() {
    }

    static void print(PartnerChange change) {
        System.out.println("Partner feature " + change.feature() + " " + change.version() + " " + change.action()
                + (change.previousVersion() == null ? "" : " (was " + change.previousVersion() + ")")
                + " in " + change.took().toMillis() + " ms" + (change.forced() ? ", FORCED" : "") + ".");
        section("Installed", change.installed());
        section("Updated", change.updated());
        section("Uninstalled", change.uninstalled());
        section("Refreshed", change.refreshed());
        if (change.refreshed().isEmpty()) {
            System.out.println("No bundle was refreshed.");
        }
    }

    private static void section(String title, List<String> bundles) {
        if (!bundles.isEmpty()) {
            System.out.println(title + ":");
            bundles.forEach(b -> System.out.println("  " + b));
        }
    }
}
