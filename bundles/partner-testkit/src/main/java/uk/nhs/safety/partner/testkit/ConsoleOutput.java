package uk.nhs.safety.partner.testkit;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.support.CommandException;

/**
 * What a console command showed, as {@code bin/client} shows it: commands print to {@code System.out} (Karaf
 * redirects it to the session), so {@link #run} swaps it for the duration of one command; a failure
 * ({@link CommandException}) is printed after it, as Karaf prints it, and gives exit status 1. An error report runs
 * from a line starting {@code Error:} to the end ({@link #err()}); {@link #out()} is what came before it.
 * {@code System.err} is left alone: a command has nothing to say there, and a test's logging writes to it.
 *
 * @param printed    everything shown, the error report included
 * @param exitStatus what {@code bin/client} would exit with: 1 when the command failed, otherwise 0
 */
public record ConsoleOutput(String printed, int exitStatus) {

    /** Runs the command, capturing what it shows. */
    public static ConsoleOutput run(Action command) throws Exception {
        PrintStream oldOut = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exitStatus = 0;
        try {
            PrintStream console = new PrintStream(out, true, StandardCharsets.UTF_8);
            System.setOut(console);
            try {
                command.execute();
            } catch (CommandException e) {
                // What Karaf's ShellUtil.logException prints for a CommandException.
                console.println(e.getNiceHelp());
                exitStatus = 1;
            }
        } finally {
            System.setOut(oldOut);
        }
        return new ConsoleOutput(out.toString(StandardCharsets.UTF_8), exitStatus);
    }

    /** What the command printed before any error report. */
    public String out() {
        int error = errorStart();
        return error < 0 ? printed : printed.substring(0, error);
    }

    /** The error report: from the line starting {@code Error:} to the end, or empty. */
    public String err() {
        int error = errorStart();
        return error < 0 ? "" : printed.substring(error);
    }

    /** The lines of {@link #out()}. */
    public List<String> outLines() {
        return out().lines().toList();
    }

    /** The lines of {@link #err()}. */
    public List<String> errLines() {
        return err().lines().toList();
    }

    /** Every table row's cells before any error report, trimmed (rows are the lines with a column separator). */
    public List<List<String>> rows() {
        return out().lines().filter(l -> l.contains("|") || l.contains("\u2502"))
                .map(line -> Arrays.stream(line.split("[|\u2502]", -1)).map(String::trim).toList()).toList();
    }

    /** The table row whose cell {@code column} is {@code value}. */
    public Optional<List<String>> row(int column, String value) {
        return rows().stream().filter(r -> r.size() > column && r.get(column).equals(value)).findFirst();
    }

    /** The table row whose first cell is {@code first}. */
    public Optional<List<String>> row(String first) {
        return row(0, first);
    }

    private int errorStart() {
        if (printed.startsWith("Error:")) {
            return 0;
        }
        int at = printed.indexOf("\nError:");
        return at < 0 ? -1 : at + 1;
    }
}
