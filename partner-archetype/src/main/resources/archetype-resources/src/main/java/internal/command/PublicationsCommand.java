package ${package}.internal.command;

import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import uk.nhs.safety.campaign.api.ValidationException;
import uk.nhs.safety.campaign.api.Violation;
import uk.nhs.safety.partner.support.console.ConsoleCommand;
import ${package}.internal.Publications;
import ${package}.internal.Routes;

/**
 * {@code ${partnerId}:publications <ods>}: a member's published plan versions as this partner recorded them. Extends
 * the platform's {@link ConsoleCommand}, so refused input is one {@code Error:} line that scripts driving
 * {@code bin/client -b} see, as for every {@code safety:*} command.
 */
@Service
@Command(scope = "${partnerId}", name = "publications",
        description = "Lists a member's published safety plan versions, newest first, as ${partnerName} recorded them")
public class PublicationsCommand extends ConsoleCommand {

    @Reference
    Publications publications;

    @Argument(index = 0, name = "ods", description = "The member's ODS code", required = true)
    @Completion(MemberCompleter.class)
    String ods;

    @Option(name = "--limit", description = "At most this many, 1 to 1000 (default 20)")
    int limit = 20;

    @Override
    protected void run() {
        if (limit < 1 || limit > 1000) {
            throw new ValidationException(Violation.of("--limit", Integer.toString(limit),
                    "a whole number from 1 to 1000"));
        }
        String code = Routes.odsCode(ods);
        List<Publications.Publication> found = publications.of(code, limit);
        ShellTable table = new ShellTable().emptyTableText("no publications recorded");
        table.column("Event");
        table.column("Plan version");
        table.column("Published (UTC)");
        for (Publications.Publication p : found) {
            table.addRow().addContent(p.sequence(), p.planVersion(), p.publishedAt().toInstant());
        }
        table.print(System.out);
        System.out.println(code + ": " + found.size() + (found.size() == 1 ? " publication" : " publications"));
    }
}
