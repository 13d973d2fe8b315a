package uk.nhs.safety.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

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
    public void safetyCoreIsInstalledAndNoBundleFailedToStart() throws Exception {
        assertTrue(features.isInstalled(features.getFeature("safety-core")));
        List<String> notActive = Arrays.stream(context.getBundles())
                .filter(b -> (b.getState() == Bundle.INSTALLED || b.getState() == Bundle.RESOLVED)
                        && b.getHeaders().get("Fragment-Host") == null)
                .map(b -> b.getSymbolicName() + " " + b.getState())
                .collect(Collectors.toList());
        assertEquals(List.of(), notActive);
        List<String> ours = Arrays.stream(context.getBundles()).map(Bundle::getSymbolicName)
                .filter(n -> n.startsWith("uk.nhs.safety.")).sorted().collect(Collectors.toList());
        assertEquals(List.of("uk.nhs.safety.campaign-api", "uk.nhs.safety.campaign-console",
                "uk.nhs.safety.campaign-model"), ours);
    }

    @Test
    public void consoleImportsTheTrustListAndListsMembersAsATable() throws Exception {
        // etr.csv: 241 trusts, 36 with region letter H (London), counted independently with Python's csv module.
        String imported = execute("safety:member-import " + System.getProperty("etr.csv"));
        assertContains(imported, "241 rows", "241 added");
        assertEquals(241, members.list(MemberQuery.all()).total());

        String again = execute("safety:member-import " + System.getProperty("etr.csv"));
        assertContains(again, "0 added", "0 updated", "241 unchanged");

        String london = execute("safety:member-list --region London");
        assertContains(london, "ODS", "Name", "RJZ", "36 of 36 members");

        String show = execute("safety:member-show RGT");
        assertContains(show, "CAMBRIDGE UNIVERSITY HOSPITALS", "East of England", "Pledge page: not published");
    }

    @Test
    public void consoleErrorsAreOneClearLine() throws Exception {
        String out = execute("safety:member-show ZZZZZZ");
        assertTrue(out, out.startsWith("Error: "));
        assertEquals(out, 1, out.strip().lines().count());
    }

    @Test
    public void partnerListIsEmptyWithoutPartnerBundles() throws Exception {
        assertEquals(List.of(), partners.partners());
        assertContains(execute("safety:partner-list"), "Id", "no partner integrations installed");
    }

    private static void assertContains(String actual, String... parts) {
        for (String part : parts) {
            assertTrue("expected \"" + part + "\" in:\n" + actual, actual.contains(part));
        }
    }
}
