package uk.nhs.safety.partner.support.console;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;

import uk.nhs.safety.campaign.api.CampaignException;
import uk.nhs.safety.campaign.api.ValidationException;
import uk.nhs.safety.campaign.api.Violation;

/** The lines a console command prints for an expected failure, the same in core and in every partner. */
public final class ConsoleErrors {

    private ConsoleErrors() {
    }

    /**
     * One line, {@code Error: } and the message's first line; for a refusal with several problems, a heading line
     * and one line per problem, each problem's own text kept whole (it may hold semicolons).
     */
    public static List<String> lines(CampaignException e) {
        if (e instanceof ValidationException v && v.violations().size() > 1) {
            List<String> lines = new ArrayList<>();
            lines.add("Error: " + v.violations().size() + " problems, nothing was changed:");
            for (Violation violation : v.violations()) {
                lines.add("  - " + oneLine(violation.toString()));
            }
            return lines;
        }
        return List.of("Error: " + oneLine(e.getMessage()));
    }

    /** The line for a file that could not be read or written. */
    public static String line(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "Error: no such file: " + e.getMessage();
        }
        if (e instanceof AccessDeniedException) {
            return "Error: not allowed to read or write " + e.getMessage();
        }
        return "Error: cannot read or write the file: " + oneLine(e.getMessage());
    }

    private static String oneLine(String message) {
        if (message == null) {
            return "";
        }
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).trim();
    }
}
