package uk.nhs.safety.campaign.console.internal;

import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import uk.nhs.safety.campaign.api.Member;
import uk.nhs.safety.campaign.api.MemberService;
import uk.nhs.safety.campaign.api.NotFoundException;
import uk.nhs.safety.campaign.api.PlanService;
import uk.nhs.safety.campaign.api.Pledge;
import uk.nhs.safety.campaign.api.PledgeService;
import uk.nhs.safety.campaign.api.PledgeSummary;
import uk.nhs.safety.campaign.api.SafetyPlan;

/** Shows one member: its details, its pledge page and its plan. */
@Service
@Command(scope = "safety", name = "member-show", description = "Shows a member, its pledge actions summary and its plan")
public class MemberShowCommand extends SafetyCommand {

    @Reference
    MemberService memberService;

    @Reference
    PledgeService pledgeService;

    @Reference
    PlanService planService;

    @Argument(index = 0, name = "ods", description = "The member's ODS code", required = true)
    @Completion(OdsCodeCompleter.class)
    String ods;

    @Override
    protected void run() {
        String code = ConsoleSupport.ods(ods);
        Member m = memberService.find(code)
                .orElseThrow(() -> new NotFoundException("no member with ODS code '" + code + "'"));

        ShellTable details = new ShellTable().noHeaders();
        details.column("Field");
        details.column("Value").maxSize(80);
        details.addRow().addContent("ODS code", m.odsCode());
        details.addRow().addContent("Name", m.name());
        details.addRow().addContent("Type", m.type() == null ? "" : m.type().label());
        details.addRow().addContent("Region", ConsoleSupport.text(m.region()));
        details.addRow().addContent("Postcode", ConsoleSupport.text(m.postcode()));
        details.addRow().addContent("Joined", ConsoleSupport.text(m.joined()));
        details.addRow().addContent("Status", MemberListCommand.status(m));
        details.addRow().addContent("ODS open date", ConsoleSupport.text(m.openDate()));
        details.addRow().addContent("ODS close date", ConsoleSupport.text(m.closeDate()));
        details.addRow().addContent("Demo data", m.demo() ? "yes" : "no");
        details.addRow().addContent("Version", m.version());
        details.print(System.out);

        System.out.println();
        PledgeSummary summary = pledgeService.summary(m.odsCode());
        ShellTable pledges = new ShellTable();
        pledges.column("Pledge");
        pledges.column("Published").alignRight();
        pledges.column("Drafts").alignRight();
        for (Pledge p : Pledge.values()) {
            pledges.addRow().addContent(p.number() + " " + p.title(), summary.published().getOrDefault(p, 0),
                    summary.drafts().getOrDefault(p, 0));
        }
        pledges.print(System.out);
        System.out.println(pledgePage(summary));
        System.out.println(planService.plan(m.odsCode()).map(MemberShowCommand::planLine).orElse("No plan"));
    }

    static String pledgePage(PledgeSummary summary) {
        if (summary.pagePublished()) {
            return "Pledge page: published";
        }
        return "Pledge page: not published \u2014 missing pledges " + summary.missing().stream()
                .map(p -> String.valueOf(p.number())).sorted().collect(Collectors.joining(", "));
    }

    static String planLine(SafetyPlan plan) {
        String published = plan.publishedVersion() == 0 ? "never published"
                : "latest published version " + plan.publishedVersion();
        return "Plan: " + plan.content().title() + " (" + plan.status() + ", " + published + ")";
    }
}
