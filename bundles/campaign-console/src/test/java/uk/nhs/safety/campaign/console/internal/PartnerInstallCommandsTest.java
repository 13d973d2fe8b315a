package uk.nhs.safety.campaign.console.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import uk.nhs.safety.partner.testkit.ConsoleOutput;
import uk.nhs.safety.campaign.api.deploy.InstallRefusedException;
import uk.nhs.safety.campaign.api.deploy.PartnerChange;
import uk.nhs.safety.campaign.api.deploy.PartnerInstaller;

class PartnerInstallCommandsTest {

    private final List<String> asked = new ArrayList<>();
    private InstallRefusedException refusal;

    private final PartnerInstaller installer = new PartnerInstaller() {
        @Override
        public PartnerChange install(String url, String feature, boolean force, String actor) {
            asked.add("install " + url + " " + feature + " " + force + " " + actor);
            if (refusal != null) {
                throw refusal;
            }
            return new PartnerChange("upgraded", feature, "0.2.0", "0.1.0", url, List.of(),
                    List.of("uk.nhs.safety.partner-foo/0.1.0"), List.of(), List.of("uk.nhs.safety.partner-foo/0.1.0"),
                    false, Duration.ofMillis(5961));
        }

        @Override
        public PartnerChange uninstall(String feature, boolean force, String actor) {
            asked.add("uninstall " + feature + " " + force + " " + actor);
            return new PartnerChange("uninstalled", feature, "0.2.0", null, null, List.of(), List.of(),
                    List.of("uk.nhs.safety.partner-foo/0.2.0"), List.of(), false, Duration.ofMillis(812));
        }
    };

    private ConsoleOutput install(String url, String feature, boolean force) throws Exception {
        PartnerInstallCommand c = new PartnerInstallCommand();
        c.installer = installer;
        c.in(FakeSession.of("alice"));
        c.repositoryUrl = url;
        c.feature = feature;
        c.force = force;
        return ConsoleOutput.run(c);
    }

    @Test
    void installPassesTheShellUserAsActorAndPrintsWhatWasUpdatedAndRefreshed() throws Exception {
        ConsoleOutput out = install("mvn:org.example/partner-foo/0.2.0/xml/features", "safety-partner-foo", false);

        assertThat(asked).containsExactly(
                "install mvn:org.example/partner-foo/0.2.0/xml/features safety-partner-foo false alice");
        assertThat(out.printed()).isEqualTo(String.join(System.lineSeparator(),
                "Partner feature safety-partner-foo 0.2.0 upgraded (was 0.1.0) in 5961 ms.",
                "Updated:", "  uk.nhs.safety.partner-foo/0.1.0",
                "Refreshed:", "  uk.nhs.safety.partner-foo/0.1.0", ""));
    }

    @Test
    void aRefusedInstallIsOneErrorLineOnStandardOutputNamingTheBundles() throws Exception {
        refusal = new InstallRefusedException(InstallRefusedException.Check.REFRESH,
                "installing safety-partner-foo 1.0.0 would disturb 1 bundle(s) outside the partner",
                List.of("uk.nhs.safety.campaign-model/0.1.0 (core bundle) would be refreshed: Attached fragments"
                        + " changed"));

        ConsoleOutput out = install("file:/tmp/foo.xml", "safety-partner-foo", true);

        assertThat(asked).containsExactly("install file:/tmp/foo.xml safety-partner-foo true alice");
        assertThat(out.printed()).isEqualTo("Error: installing safety-partner-foo 1.0.0 would disturb 1 bundle(s)"
                + " outside the partner: uk.nhs.safety.campaign-model/0.1.0 (core bundle) would be refreshed:"
                + " Attached fragments changed" + System.lineSeparator());
    }

    @Test
    void uninstallPassesTheShellUserAndPrintsTheRemovedBundles() throws Exception {
        PartnerUninstallCommand c = new PartnerUninstallCommand();
        c.installer = installer;
        c.in(FakeSession.of("bob"));
        c.feature = "safety-partner-foo";

        ConsoleOutput out = ConsoleOutput.run(c);

        assertThat(asked).containsExactly("uninstall safety-partner-foo false bob");
        assertThat(out.printed()).isEqualTo(String.join(System.lineSeparator(),
                "Partner feature safety-partner-foo 0.2.0 uninstalled in 812 ms.", "Uninstalled:",
                "  uk.nhs.safety.partner-foo/0.2.0", "No bundle was refreshed.", ""));
    }
}
