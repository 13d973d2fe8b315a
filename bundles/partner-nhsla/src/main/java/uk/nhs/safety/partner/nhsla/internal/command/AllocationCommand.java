package uk.nhs.safety.partner.nhsla.internal.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import uk.nhs.safety.partner.support.console.ConsoleCommand;
import uk.nhs.safety.partner.nhsla.internal.Money;
import uk.nhs.safety.partner.nhsla.internal.NhslaService;
import uk.nhs.safety.partner.nhsla.internal.incentive.Allocation;

/** The ranked allocation of the incentive budget to approved bids. */
@Service
@Command(scope = "nhsla", name = "allocation", description = "Ranks the approved bids of a scheme year and"
        + " allocates the budget cap in that order")
public class AllocationCommand extends ConsoleCommand {

    @Reference
    NhslaService service;

    @Option(name = "--year", description = "Scheme year (default: the latest open one)")
    Integer year;

    @Override
    protected void run() {
        int y = year != null ? year : service.settings().incentive().schemeYears().stream().max(Integer::compare)
                .orElse(service.currentYear());
        Allocation a = service.allocation(y);
        ShellTable table = new ShellTable().emptyTableText("no approved bids for " + y);
        table.column("Rank").alignRight();
        table.column("Member");
        table.column("Claims value addressed").alignRight();
        table.column("Asked").alignRight();
        table.column("Allocated").alignRight();
        table.column("Outcome");
        for (Allocation.Line l : a.lines()) {
            table.addRow().addContent(l.rank(), l.odsCode(), Money.pounds(l.scorePence()), Money.pounds(l.askedPence()),
                    Money.pounds(l.grantedPence()), l.outcome());
        }
        table.print(System.out);
        System.out.println("Scheme year " + y + "/" + (y + 1) % 100 + ": allocated " + Money.pounds(a.allocatedPence())
                + " of " + Money.pounds(a.budgetPence()) + "; " + a.rejectedBids() + " bid(s) rejected");
    }
}
