package uk.nhs.safety.partner.support.console;

import java.io.IOException;

import org.apache.karaf.shell.api.action.Action;

import uk.nhs.safety.campaign.api.CampaignException;

/**
 * Base of every console command of core ({@code safety:*}) and of the partners ({@code cqc:*}, {@code nhsla:*},
 * {@code nhsi:*}, and a partner body's own): one way of reporting expected failures.
 *
 * <p>Expected failures (refused input, unknown member, stale version, a file that cannot be read or written) become
 * clear lines starting {@code Error:} on {@code System.out} ({@link ConsoleErrors}) instead of Karaf's stack-trace
 * report: standard output, because what a command writes to standard error never reaches {@code bin/client -b} or
 * {@code ssh host command}, so a script would see nothing. Anything else is a bug and is left to Karaf, which logs it.
 */
public abstract class ConsoleCommand implements Action {

    @Override
    public final Object execute() throws Exception {
        try {
            run();
        } catch (CampaignException e) {
            ConsoleErrors.lines(e).forEach(System.out::println);
        } catch (IOException e) {
            System.out.println(ConsoleErrors.line(e));
        }
        return null;
    }

    /** Does the command's work, printing its result to {@code System.out}. */
    protected abstract void run() throws IOException;
}
