package uk.nhs.safety.partner.cqc.internal.command;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What a command printed: commands print to System.out/err (Karaf redirects them), so a test swaps those. */
record CommandOutput(String out, String err) {

    static CommandOutput run(uk.nhs.safety.partner.support.console.ConsoleCommand command) throws Exception {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            command.execute();
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return new CommandOutput(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    List<String> outLines() {
        return out.lines().toList();
    }

    List<String> errLines() {
        return err.lines().toList();
    }

    /** Every table row's cells, trimmed (rows are the lines with a column separator). */
    List<List<String>> rows() {
        return out.lines().filter(l -> l.contains("|") || l.contains("\u2502"))
                .map(line -> Arrays.stream(line.split("[|\u2502]", -1)).map(String::trim).toList()).toList();
    }

    /** The table row whose cell {@code column} is {@code value}. */
    Optional<List<String>> row(int column, String value) {
        return rows().stream().filter(r -> r.size() > column && r.get(column).equals(value)).findFirst();
    }
}
