package uk.nhs.safety.campaign.api.deploy;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Installs, upgrades and removes partner features on this node, refusing any change that would disturb core or
 * another partner. Implemented by core; used by the console and the HTTP API.
 */
@ProviderType
public interface PartnerInstaller {

    /**
     * Adds the features repository (if it is not there yet) and installs the highest version of the feature it holds,
     * upgrading an installed older version. First checks that the feature's own bundles declare a partner
     * ({@code Safety-Partner}) and import {@code uk.nhs.safety.campaign.api*} in ranges the running contract meets,
     * then runs Karaf's resolver without installing; refuses if it would refresh, update or remove any bundle but the
     * partner's own. A refused install changes nothing (a repository added for it is removed again).
     *
     * @param repositoryUrl the partner's features repository, e.g. {@code mvn:org.example/partner-foo/1.2.0/xml/features}
     *                      or a {@code file:} URL
     * @param feature       the feature to install, e.g. {@code safety-partner-foo}
     * @param force         install even though other bundles would be refreshed or restarted (the contract check
     *                      still applies); recorded as forced in the audit trail
     * @param actor         who asks, for the audit trail
     * @return what was done
     * @throws InstallRefusedException when a check fails, naming the check and the bundles
     * @throws uk.nhs.safety.campaign.api.ValidationException for a malformed URL or feature name
     */
    PartnerChange install(String repositoryUrl, String feature, boolean force, String actor);

    /**
     * Uninstalls the installed partner feature (every installed version of it), refusing as {@link #install} does if
     * that would refresh, update or remove another bundle.
     *
     * @throws uk.nhs.safety.campaign.api.NotFoundException when no feature of that name is installed
     * @throws InstallRefusedException when a check fails
     */
    PartnerChange uninstall(String feature, boolean force, String actor);
}
