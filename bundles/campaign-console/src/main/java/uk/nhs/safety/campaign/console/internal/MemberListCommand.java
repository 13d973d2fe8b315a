package uk.nhs.safety.campaign.console.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import uk.nhs.safety.campaign.api.Member;
import uk.nhs.safety.campaign.api.MemberQuery;
import uk.nhs.safety.campaign.api.MemberService;
import uk.nhs.safety.campaign.api.MemberStatus;
import uk.nhs.safety.campaign.api.OrganisationType;
import uk.nhs.safety.campaign.api.Page;

/** Lists members, filtered and paged. */
@Service
@Command(scope = "safety", name = "member-list", description = "Lists member organisations")
public class MemberListCommand extends SafetyCommand {

    static final int DEFAULT_LIMIT = 50;

    @Reference
    MemberService memberService;

    @Option(name = "--type", description = "Only this organisation type (name or label, e.g. acute, \"Ambulance service\")")
    @Completion(OrganisationTypeCompleter.class)
    String type;

    @Option(name = "--region", description = "Only this region, e.g. London")
    String region;

    @Option(name = "--status", description = "Only this status: active or withdrawn")
    @Completion(MemberStatusCompleter.class)
    String status;

    @Option(name = "--text", description = "ODS code prefix or part of the name")
    String text;

    @Option(name = "--offset", description = "Members to skip (default 0)")
    String offset;

    @Option(name = "--limit", description = "Most members to show, 1 to 1000 (default 50)")
    String limit;

    @Override
    protected void run() {
        MemberQuery query = new MemberQuery(
                type == null ? null : OrganisationType.parse(type),
                region,
                ConsoleSupport.parseEnum("status", status, MemberStatus.class),
                text,
                ConsoleSupport.parseInt("offset", offset, 0, 0, Integer.MAX_VALUE),
                ConsoleSupport.parseInt("limit", limit, DEFAULT_LIMIT, 1, MemberQuery.MAX_LIMIT));
        Page<Member> page = memberService.list(query);

        ShellTable table = new ShellTable().emptyTableText("no members match");
        table.column("ODS");
        table.column("Name").maxSize(60);
        table.column("Type");
        table.column("Region");
        table.column("Joined");
        table.column("Status");
        for (Member m : page.items()) {
            table.addRow().addContent(m.odsCode(), m.name(), m.type() == null ? "" : m.type().label(),
                    ConsoleSupport.text(m.region()), ConsoleSupport.text(m.joined()), status(m));
        }
        table.print(System.out);
        System.out.println(page.items().size() + " of " + page.total() + " members");
    }

    /** Campaign status, with the ODS closure beside it: a closed trust can still be an active member record. */
    static String status(Member m) {
        String s = m.status() == null ? "" : m.status().name();
        return m.closed() ? s + " (closed " + m.closeDate() + ")" : s;
    }
}
