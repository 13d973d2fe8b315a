package uk.nhs.safety.partner.nhsla.internal.command;

import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import uk.nhs.safety.partner.support.console.ConsoleCommand;
import uk.nhs.safety.partner.nhsla.internal.Money;
import uk.nhs.safety.partner.nhsla.internal.NhslaService;
import uk.nhs.safety.partner.nhsla.internal.incentive.Assessment;
import uk.nhs.safety.partner.nhsla.internal.incentive.Bid;

/** Assesses (and records) a member's incentive bid. */
@Service
@Command(scope = "nhsla", name = "bid-assess", description = "Assesses a member's incentive bid: CNST contribution,"
        + " amount asked and the claim areas its plan addresses; records the outcome for nhsla:allocation")
public class BidAssessCommand extends ConsoleCommand {

    @Reference
    NhslaService service;

    @Option(name = "--year", description = "Scheme year (default: the latest open one, e.g. 2014 for 2014/15)")
    Integer year;

    @Argument(index = 0, name = "ods", description = "The member's ODS code", required = true)
    @Completion(OdsCompleter.class)
    String ods;

    @Argument(index = 1, name = "contribution", description = "CNST contribution in pounds", required = true)
    String contribution;

    @Argument(index = 2, name = "asked", description = "Amount asked in pounds", required = true)
    String asked;

    @Argument(index = 3, name = "areas", description = "Claim areas (specialties) the plan addresses",
            required = true, multiValued = true)
    List<String> areas;

    @Override
    protected void run() {
        int y = year != null ? year : service.settings().incentive().schemeYears().stream().max(Integer::compare)
                .orElse(service.currentYear());
        Assessment a = service.assess(actor(), new Bid(ods, y,
                Money.parsePounds("contribution", contribution), Money.parsePounds("asked", asked), areas));
        ShellTable table = new ShellTable();
        table.column("Member");
        table.column("Year");
        table.column("Contribution").alignRight();
        table.column("Asked").alignRight();
        table.column("Result");
        table.column("Score").alignRight();
        table.addRow().addContent(a.bid().odsCode(), a.bid().schemeYear(), Money.pounds(a.bid().contributionPence()),
                Money.pounds(a.bid().askedPence()), a.approved() ? "APPROVED" : "REJECTED",
                Money.pounds(a.scorePence()));
        table.print(System.out);
        a.reasons().forEach(r -> System.out.println("  - " + r));
    }
}
