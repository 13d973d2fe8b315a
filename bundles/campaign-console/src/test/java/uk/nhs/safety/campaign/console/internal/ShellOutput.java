package uk.nhs.safety.campaign.console.internal;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What a command printed. Commands print to {@code System.out} (Karaf redirects it to the session), so a test swaps
 * it for the duration of one command. An error is reported on standard output too, from a line starting
 * {@code Error:} to the end ({@link #errLines()}); {@link #out()} is what came before it. Nothing may go to standard
 * error: {@code bin/client -b} and {@code ssh host command} never show it, so {@link #run} fails when anything does.
 */
record ShellOutput(Object result, String printed) {

    static ShellOutput run(SafetyCommand command) throws Exception {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Object result;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            result = command.execute();
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        String onErr = err.toString(StandardCharsets.UTF_8);
        if (!onErr.isEmpty()) {
            throw new AssertionError("the command wrote to standard error, which bin/client -b drops: " + onErr);
        }
        return new ShellOutput(result, out.toString(StandardCharsets.UTF_8));
    }

    /** What the command printed before any error report. */
    String out() {
        int error = errorStart();
        return error < 0 ? printed : printed.substring(0, error);
    }

    /** The error report: from the line starting {@code Error:} to the end, or empty. */
    String err() {
        int error = errorStart();
        return error < 0 ? "" : printed.substring(error);
    }

    List<String> outLines() {
        return out().lines().toList();
    }

    List<String> errLines() {
        return err().lines().toList();
    }

    private int errorStart() {
        if (printed.startsWith("Error:")) {
            return 0;
        }
        int at = printed.indexOf("\nError:");
        return at < 0 ? -1 : at + 1;
    }

    /** The cells of the table row whose first cell is {@code first}, trimmed. */
    Optional<List<String>> row(String first) {
        return out().lines()
                .map(line -> Arrays.stream(line.split("[|\u2502]", -1)).map(String::trim).toList())
                .filter(cells -> cells.size() > 1 && cells.get(0).equals(first))
                .findFirst();
    }
}
