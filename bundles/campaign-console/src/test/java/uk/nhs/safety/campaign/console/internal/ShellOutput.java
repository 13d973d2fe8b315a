package uk.nhs.safety.campaign.console.internal;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What a command printed. Commands print to {@code System.out}/{@code System.err} (Karaf redirects those to the
 * session), so a test swaps them for the duration of one command.
 */
record ShellOutput(Object result, String out, String err) {

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
        return new ShellOutput(result, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    List<String> outLines() {
        return out.lines().toList();
    }

    List<String> errLines() {
        return err.lines().toList();
    }

    /** The cells of the table row whose first cell is {@code first}, trimmed. */
    Optional<List<String>> row(String first) {
        return out.lines()
                .map(line -> Arrays.stream(line.split("[|\u2502]", -1)).map(String::trim).toList())
                .filter(cells -> cells.size() > 1 && cells.get(0).equals(first))
                .findFirst();
    }
}
