package uk.nhs.safety.campaign.api.deploy;

import java.time.Duration;
import java.util.List;

/**
 * What a partner install, upgrade or removal did.
 *
 * @param action          {@code installed}, {@code upgraded} or {@code uninstalled}
 * @param feature         the feature's name
 * @param version         the version installed now, or the version removed
 * @param previousVersion the version an upgrade replaced, else {@code null}
 * @param repository      the features repository it came from ({@code null} for a removal)
 * @param installed       bundles installed (locations)
 * @param updated         bundles updated in place ({@code symbolic-name/version})
 * @param uninstalled     bundles removed ({@code symbolic-name/version})
 * @param refreshed       bundles refreshed ({@code symbolic-name/version}): only the partner's own unless forced
 * @param forced          whether the refresh check was overridden
 * @param took            how long the change took, the checks and the resolver's dry run included
 */
public record PartnerChange(String action, String feature, String version, String previousVersion,
                            String repository, List<String> installed, List<String> updated,
                            List<String> uninstalled, List<String> refreshed, boolean forced, Duration took) {

    public PartnerChange {
        installed = List.copyOf(installed);
        updated = List.copyOf(updated);
        uninstalled = List.copyOf(uninstalled);
        refreshed = List.copyOf(refreshed);
    }
}
