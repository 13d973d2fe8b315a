package uk.nhs.safety.campaign.console.internal;

import java.util.List;
import java.util.Locale;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import uk.nhs.safety.campaign.api.Member;
import uk.nhs.safety.campaign.api.MemberQuery;
import uk.nhs.safety.campaign.api.MemberService;

/**
 * Completes members' ODS codes. Asks the member service only for codes matching what has been typed so far, so a
 * campaign with hundreds of members still completes from one small page.
 */
@Service
public class OdsCodeCompleter implements Completer {

    @Reference
    MemberService memberService;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        String prefix = typedPrefix(commandLine).toUpperCase(Locale.ROOT);
        MemberQuery query = new MemberQuery(null, null, null, prefix.isEmpty() ? null : prefix, 0,
                MemberQuery.MAX_LIMIT);
        // The text filter also matches names; only codes that start with the prefix are useful completions.
        List<String> codes = memberService.list(query).items().stream()
                .map(Member::odsCode)
                .filter(code -> code.startsWith(prefix))
                .toList();
        return new StringsCompleter(codes, false).complete(session, commandLine, candidates);
    }

    /** The part of the current argument before the cursor. */
    static String typedPrefix(CommandLine commandLine) {
        String argument = commandLine.getCursorArgument();
        if (argument == null) {
            return "";
        }
        int position = Math.max(0, Math.min(commandLine.getArgumentPosition(), argument.length()));
        return argument.substring(0, position).trim();
    }
}
