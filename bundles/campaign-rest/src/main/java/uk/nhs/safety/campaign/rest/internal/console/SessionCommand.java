package uk.nhs.safety.campaign.rest.internal.console;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.support.CommandException;

/**
 * Base of the session commands, which live in this bundle next to the sessions they manage (the sessions are state
 * of the HTTP API, not of the campaign core): refused input becomes one {@code Error: ...} line, reported as the
 * {@code safety:*} and partner commands report theirs (a {@link CommandException}, which Karaf prints as it is on the
 * session's output and turns into exit status 1 of {@code bin/client}); anything else is a bug and is left to
 * Karaf, which logs it.
 */
abstract class SessionCommand implements Action {

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    @Override
    public final Object execute() throws CommandException {
        try {
            run();
        } catch (IllegalArgumentException e) {
            String line = "Error: " + e.getMessage();
            throw new CommandException(line, line);
        }
        return null;
    }

    /** Does the command's work, printing its result to {@code System.out}; refuses bad input by throwing. */
    protected abstract void run();

    /** An instant in the server's time zone, to the second. */
    static String timestamp(Instant instant) {
        return instant == null ? "" : TIMESTAMP.withZone(ZoneId.systemDefault()).format(instant);
    }

    /** A user name or address as shown: control characters replaced, so stored text cannot forge console lines. */
    static String printable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> b.appendCodePoint(Character.isISOControl(cp) ? '?' : cp));
        return b.toString();
    }
}
