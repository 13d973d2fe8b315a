package uk.nhs.safety.partner.nhsi.internal.command;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

import org.apache.karaf.shell.api.action.Action;

import uk.nhs.safety.campaign.api.CampaignException;
import uk.nhs.safety.campaign.api.ValidationException;
import uk.nhs.safety.campaign.api.Violation;

/**
 * Base of every {@code nhsi:*} command. Expected failures (bad value, unknown member, a bad incident file, a file
 * that cannot be written) are printed on the session's standard output, one line per problem (bin/client shows
 * standard output and drops standard error), instead of Karaf's stack-trace report; anything else is a bug and is
 * left to Karaf, which logs it.
 */
public abstract class NhsiCommand implements Action {

    @Override
    public final Object execute() throws Exception {
        try {
            run();
        } catch (CampaignException e) {
            System.out.println(errorLine(e));
        } catch (IOException e) {
            System.out.println(errorLine(e));
        }
        return null;
    }

    /** Does the command's work, printing its result to {@code System.out}. */
    protected abstract void run() throws IOException;

    /** One line per violation: the first after "Error: ", the others indented below it. */
    static String errorLine(CampaignException e) {
        if (e instanceof ValidationException v && v.violations().size() > 1) {
            StringBuilder b = new StringBuilder("Error: ");
            for (Violation violation : v.violations()) {
                b.append(b.length() > 7 ? "\n  " : "").append(oneLine(violation.toString()));
            }
            return b.toString();
        }
        return "Error: " + oneLine(e.getMessage());
    }

    static String errorLine(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "Error: no such file or directory: " + e.getMessage();
        }
        if (e instanceof AccessDeniedException) {
            return "Error: not allowed: " + e.getMessage();
        }
        return "Error: "  + oneLine(e.getMessage());
    }

    private static String oneLine(String message) {
        if (message == null) {
            return "";
        }
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).trim();
    }
}
