package uk.nhs.safety.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import javax.inject.Inject;

import org.apache.karaf.features.FeaturesService;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

import uk.nhs.safety.campaign.api.MemberQuery;
import uk.nhs.safety.campaign.api.MemberService;
import uk.nhs.safety.campaign.api.partner.PartnerRegistry;

/** The campaign core in the built distribution: feature, bundles, services and the safety:* console. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SafetyCoreIT extends KarafTestSupport {

    @Inject
    private BundleContext context;

    @Inject
    private FeaturesService features;

    @Inject
    private MemberService members;

    @Inject
    private PartnerRegistry partners;

    @Configuration
    public Option[] config() {
        return baseOptions();
    }

    @Test
    public void safetyCoreIsInstalledAndEveryBundleIsActive() throws Exception {
        assertThat(features.isInstalled(features.getFeature("safety-core"))).isTrue();
        List<String> notActive = Arrays.stream(context.getBundles())
                .filter(b -> b.getState() != Bundle.ACTIVE && b.getHeaders().get("Fragment-Host") == null)
                .map(b -> b.getSymbolicName() + " " + b.getState())
                .collect(Collectors.toList());
        assertThat(notActive).isEmpty();
        List<String> ours = Arrays.stream(context.getBundles()).map(Bundle::getSymbolicName)
                .filter(n -> n.startsWith("uk.nhs.safety.")).sorted().collect(Collectors.toList());
        assertThat(ours).containsExactly("uk.nhs.safety.campaign-api", "uk.nhs.safety.campaign-console",
                "uk.nhs.safety.campaign-model");
    }

    @Test
    public void consoleImportsTheTrustListAndListsMembersAsATable() throws Exception {
        String imported = execute("safety:member-import " + System.getProperty("etr.csv"));
        assertThat(imported).contains("241 rows");
        assertThat(members.list(MemberQuery.all()).total()).isEqualTo(241);

        String again = execute("safety:member-import " + System.getProperty("etr.csv"));
        assertThat(again).contains("0 added").contains("0 updated");

        String london = execute("safety:member-list --region London");
        assertThat(london).contains("ODS").contains("Name").contains("RJZ").contains("of 34 members");

        String show = execute("safety:member-show RGT");
        assertThat(show).contains("CAMBRIDGE UNIVERSITY HOSPITALS").contains("East of England");
    }

    @Test
    public void consoleErrorsAreOneClearLine() throws Exception {
        String out = execute("safety:member-show ZZZZZZ");
        assertThat(out).startsWith("Error: ").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    public void partnerListIsEmptyWithoutPartnerBundles() throws Exception {
        assertThat(partners.partners()).isEmpty();
        assertThat(execute("safety:partner-list")).contains("Id");
    }
}
