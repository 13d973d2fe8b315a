package uk.nhs.safety.campaign.model.internal.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Version;

/**
 * The decisions of a safe partner install on dry-run reports written as Karaf 4.4.10's deployer prints them (its
 * {@code Deployer.logDeployment} and the simulate branch of {@code Deployer.deploy}: bundles to install by location,
 * to update as {@code name/version with location}, to refresh as {@code name/version (reason)}).
 */
class InstallRulesTest {

    private static final Set<String> OWN = Set.of("uk.nhs.safety.partner-cqc");

    private static String kind(String name) {
        return name.startsWith("uk.nhs.safety.campaign-") ? "core bundle"
                : name.equals("uk.nhs.safety.partner-nhsla") ? "bundle of partner nhsla" : "library bundle";
    }

    private static Simulation report(String... lines) {
        return Simulation.parse(List.of(lines)).orElseThrow();
    }

    @Test
    void aFreshPartnerInstallThatOnlyAddsItsBundleDisturbsNothing() {
        Simulation s = report("Changes to perform:", "  Region: root", "    Bundles to install:",
                "      mvn:uk.nhs.safety/partner-cqc/0.1.0-SNAPSHOT");

        assertThat(s.install()).containsExactly("mvn:uk.nhs.safety/partner-cqc/0.1.0-SNAPSHOT");
        assertThat(InstallRules.disturbed(s, OWN, InstallRulesTest::kind)).isEmpty();
    }

    @Test
    void anUpgradeThatUpdatesAndRefreshesOnlyThePartnersOwnBundleDisturbsNothing() {
        Simulation s = report("Changes to perform:", "  Region: root", "    Bundles to update:",
                "      uk.nhs.safety.partner-cqc/0.1.0.SNAPSHOT with file:/tmp/partner-cqc-0.1.2.jar",
                "  Bundles to refresh:", "    uk.nhs.safety.partner-cqc/0.1.0.SNAPSHOT (Bundle will be updated)");

        assertThat(s.update()).containsExactly(new Simulation.BundleRef("uk.nhs.safety.partner-cqc",
                "0.1.0.SNAPSHOT"));
        assertThat(InstallRules.disturbed(s, OWN, InstallRulesTest::kind)).isEmpty();
    }

    @Test
    void refreshingACoreBundleIsReportedWithKarafsReason() {
        Simulation s = report("Changes to perform:", "  Region: root", "    Bundles to install:",
                "      file:/tmp/fragment.jar", "  Bundles to refresh:",
                "    uk.nhs.safety.campaign-model/0.1.0.SNAPSHOT (Attached fragments changed: [fragment/1.0.0])");

        assertThat(InstallRules.disturbed(s, OWN, InstallRulesTest::kind)).containsExactly(
                "uk.nhs.safety.campaign-model/0.1.0.SNAPSHOT (core bundle) would be refreshed: Attached fragments"
                        + " changed: [fragment/1.0.0]");
    }

    @Test
    void updatingALibraryAndRefreshingAnotherPartnerAreBothReported() {
        Simulation s = report("Changes to perform:", "  Region: root", "    Bundles to update:",
                "      org.apache.commons.commons-csv/1.14.1 with mvn:org.apache.commons/commons-csv/1.15.0",
                "  Bundles to refresh:",
                "    org.apache.commons.commons-csv/1.14.1 (Bundle will be updated)",
                "    uk.nhs.safety.partner-nhsla/0.1.0.SNAPSHOT (Wired to org.apache.commons.commons-csv/1.14.1 which"
                        + " is being refreshed)");

        assertThat(InstallRules.disturbed(s, OWN, InstallRulesTest::kind)).containsExactly(
                "org.apache.commons.commons-csv/1.14.1 (library bundle) would be refreshed: Bundle will be updated",
                "uk.nhs.safety.partner-nhsla/0.1.0.SNAPSHOT (bundle of partner nhsla) would be refreshed: Wired to"
                        + " org.apache.commons.commons-csv/1.14.1 which is being refreshed",
                "org.apache.commons.commons-csv/1.14.1 (library bundle) would be updated and restarted");
    }

    @Test
    void uninstallingABundleOutsideThePartnerIsReported() {
        Simulation s = report("Changes to perform:", "  Region: root", "    Bundles to uninstall:",
                "      uk.nhs.safety.partner-cqc/0.1.0.SNAPSHOT", "      org.apache.commons.commons-csv/1.14.1");

        assertThat(InstallRules.disturbed(s, OWN, InstallRulesTest::kind)).containsExactly(
                "org.apache.commons.commons-csv/1.14.1 (library bundle) would be uninstalled");
    }

    @Test
    void onlyTheLastReportCountsAndNoChangeIsAReport() {
        Simulation s = report("Changes to perform:", "  Bundles to refresh:", "    other/1.0.0 (old work)",
                "No deployment change.");

        assertThat(s.refresh()).isEmpty();
        assertThat(s.install()).isEmpty();
    }

    @Test
    void linesWithoutAReportReadAsNoReport() {
        assertThat(Simulation.parse(List.of("Adding features: safety-partner-cqc/[0.1.0,0.1.0]"))).isEmpty();
    }

    @Test
    void contractImportsInsideTheRunningVersionsPass() {
        String imports = "com.fasterxml.jackson.databind;version=\"[2.21,3)\",uk.nhs.safety.campaign.api;"
                + "version=\"[1.2,2)\",uk.nhs.safety.campaign.api.partner;version=\"[1.1,2)\"";

        assertThat(InstallRules.contractProblems("p/1.0.0", imports, Map.of("uk.nhs.safety.campaign.api",
                new Version(1, 2, 0), "uk.nhs.safety.campaign.api.partner", new Version(1, 3, 0)),
                "campaign-api 1.1.0")).isEmpty();
    }

    @Test
    void aContractImportNeedingANewerVersionNamesBothRanges() {
        String imports = "uk.nhs.safety.campaign.api.partner;version=\"[1.4,2)\",org.slf4j;version=\"[1.7,3)\"";

        assertThat(InstallRules.contractProblems("uk.nhs.safety.partner-foo/1.0.0", imports,
                Map.of("uk.nhs.safety.campaign.api.partner", new Version(1, 3, 0)), "campaign-api 1.1.0"))
                .containsExactly("uk.nhs.safety.partner-foo/1.0.0 imports uk.nhs.safety.campaign.api.partner"
                        + " [1.4.0,2.0.0) but the running campaign-api 1.1.0 exports it at 1.3.0");
    }

    @Test
    void aContractPackageTheRunningApiDoesNotExportIsNamed() {
        String imports = "uk.nhs.safety.campaign.api.future;version=\"[1.0,2)\"";

        assertThat(InstallRules.contractProblems("p/1.0.0", imports, Map.of(), "campaign-api 1.1.0"))
                .containsExactly("p/1.0.0 imports uk.nhs.safety.campaign.api.future [1.0.0,2.0.0), which the"
                        + " running campaign-api 1.1.0 does not export (it needs a newer contract)");
    }

    @Test
    void importsKeepCommasInsideQuotedRangesAndSharedAttributes() {
        assertThat(InstallRules.imports("a;b;version=\"[1.0,2)\",c,d;resolution:=optional;version=1.5"))
                .containsExactly(Map.entry("a", "[1.0,2)"), Map.entry("b", "[1.0,2)"), Map.entry("c", "0.0.0"),
                        Map.entry("d", "1.5"));
    }
}
