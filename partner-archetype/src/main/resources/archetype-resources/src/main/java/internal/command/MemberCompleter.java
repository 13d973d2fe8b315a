package ${package}.internal.command;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import uk.nhs.safety.campaign.api.Member;
import uk.nhs.safety.campaign.api.MemberService;

/** Completes the campaign members' ODS codes (from the platform's {@link MemberService}: every member, streamed). */
@Service
public class MemberCompleter implements Completer {

    @Reference
    MemberService members;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        List<String> codes;
        try (var all = members.all()) {
            codes = all.map(Member::odsCode).toList();
        }
        return new StringsCompleter(codes).complete(session, commandLine, candidates);
    }
}
