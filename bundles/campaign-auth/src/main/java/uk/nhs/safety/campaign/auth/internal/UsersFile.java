package uk.nhs.safety.campaign.auth.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Karaf's {@code etc/users.properties} as text: finds each user's password (the first comma-separated part of the
 * value; group entries {@code _g_\:name} have none) and replaces it in place, keeping every other byte of the file
 * (comments, order, roles) as it was. Writes go to a temporary file that replaces the original atomically, so a login
 * reading the file never sees half of it.
 *
 * <p>Thread-safe: rewrites are serialised on this object and each re-reads the file first.
 */
final class UsersFile {

    private static final Logger LOG = LoggerFactory.getLogger(UsersFile.class);
    static final String PREFIX = "{CRYPT}";
    static final String SUFFIX = "{CRYPT}";
    private static final String GROUP_PREFIX = "_g_:";

    private final Path path;

    UsersFile(Path path) {
        this.path = path;
    }

    Path path() {
        return path;
    }

    /** A user entry: its name and its password as written in the file (escapes undone). */
    record Entry(String user, String password) {
        /** Whether the password is wrapped in the {@code {CRYPT}} markers. */
        boolean marked() {
            return password.length() >= PREFIX.length() + SUFFIX.length() && password.startsWith(PREFIX)
                    && password.endsWith(SUFFIX);
        }

        /** The password without its markers (only meaningful when {@link #marked()}). */
        String unmarked() {
            return password.substring(PREFIX.length(), password.length() - SUFFIX.length());
        }
    }

    /** The user entries (group entries left out), in file order; empty when the file does not exist. */
    synchronized List<Entry> entries() throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (Line line : parse(read())) {
            if (line.user() != null) {
                entries.add(new Entry(line.user(), line.password()));
            }
        }
        return entries;
    }

    /**
     * Replaces passwords: {@code change} gets each user entry and answers its new stored password (with markers), or
     * {@code null} to leave it. The file is written only when something changed.
     *
     * @return the number of entries changed
     */
    synchronized int rewrite(Function<Entry, String> change) throws IOException {
        byte[] before = readBytes();
        List<String> lines = lines(before);
        List<Line> parsed = parse(lines);
        int changed = 0;
        for (Line line : parsed) {
            if (line.user() == null) {
                continue;
            }
            String replacement = change.apply(new Entry(line.user(), line.password()));
            if (replacement == null) {
                continue;
            }
            if (!replacement.matches("[A-Za-z0-9{}$+/=._-]+")) {
                throw new IllegalArgumentException("a stored password may hold only letters, digits and {}$+/=._-");
            }
            String text = lines.get(line.index());
            lines.set(line.index(), text.substring(0, line.start()) + replacement + text.substring(line.end()));
            changed++;
        }
        if (changed > 0) {
            write(lines, before);
        }
        return changed;
    }

    /** The file changed while it was being rewritten (another writer, e.g. Karaf's own): nothing was written. */
    static final class ChangedMeanwhileException extends IOException {
        private static final long serialVersionUID = 1L;

        ChangedMeanwhileException(Path path) {
            super(path + " changed while it was being rewritten; left as it is, to be tried again");
        }
    }

    private List<String> read() throws IOException {
        return lines(readBytes());
    }

    private byte[] readBytes() throws IOException {
        try {
            return Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            return new byte[0];
        }
    }

    private static List<String> lines(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        List<String> lines = new ArrayList<>(List.of(text.split("\r?\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    /*
     * ISO-8859-1 in and out, as java.util.Properties and Felix's Properties do: every byte survives the round trip
     * unchanged, whatever encoding the operator used.
     */
    private void write(List<String> lines, byte[] before) throws IOException {
        Path temp = Files.createTempFile(path.toAbsolutePath().getParent(), ".users", ".tmp");
        try {
            Files.write(temp, lines, StandardCharsets.ISO_8859_1);
            PosixFileAttributeView posix = Files.getFileAttributeView(path, PosixFileAttributeView.class);
            if (posix != null && Files.exists(path)) {
                Files.setPosixFilePermissions(temp, posix.readAttributes().permissions());
            }
            // Karaf's own watcher and its jaas:* commands write the file in place: what was read may have been half
            // of one of their writes, or be outdated by now. Only a file still exactly as read is replaced.
            if (!Arrays.equals(before, readBytes())) {
                throw new ChangedMeanwhileException(path);
            }
            Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Where a user's password sits: line index and the [start, end) columns of its raw text. */
    private record Line(int index, String user, String password, int start, int end) {
    }

    private List<Line> parse(List<String> lines) {
        List<Line> result = new ArrayList<>();
        boolean continued = false;
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i);
            boolean wasContinued = continued;
            continued = endsWithOddBackslashes(text);
            int pos = skipWhitespace(text, 0);
            if (wasContinued || pos == text.length() || text.charAt(pos) == '#' || text.charAt(pos) == '!') {
                continue;
            }
            // key: up to the first unescaped '=', ':' or whitespace
            StringBuilder key = new StringBuilder();
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (c == '\\' && pos + 1 < text.length()) {
                    key.append(text.charAt(pos + 1));
                    pos += 2;
                    continue;
                }
                if (c == '=' || c == ':' || Character.isWhitespace(c)) {
                    break;
                }
                key.append(c);
                pos++;
            }
            pos = skipWhitespace(text, pos);
            if (pos < text.length() && (text.charAt(pos) == '=' || text.charAt(pos) == ':')) {
                pos = skipWhitespace(text, pos + 1);
            }
            String user = key.toString();
            if (user.startsWith(GROUP_PREFIX)) {
                continue;
            }
            if (continued) {
                LOG.warn("{} line {}: the entry of user '{}' continues on the next line; its password is left as"
                        + " written", path, i + 1, user);
                continue;
            }
            int end = pos;
            StringBuilder password = new StringBuilder();
            while (end < text.length() && text.charAt(end) != ',') {
                char c = text.charAt(end);
                if (c == '\\' && end + 1 < text.length()) {
                    password.append(text.charAt(end + 1));
                    end += 2;
                    continue;
                }
                password.append(c);
                end++;
            }
            // exactly what Karaf's PropertiesLoginModule takes as the password: everything up to the first comma
            if (password.isEmpty()) {
                continue;
            }
            result.add(new Line(i, user, password.toString(), pos, end));
        }
        return result;
    }

    private static int skipWhitespace(String text, int pos) {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
        return pos;
    }

    private static boolean endsWithOddBackslashes(String text) {
        int n = 0;
        for (int i = text.length() - 1; i >= 0 && text.charAt(i) == '\\'; i--) {
            n++;
        }
        return n % 2 == 1;
    }

    /** For log lines: the path and nothing secret. */
    @Override
    public String toString() {
        return path.toString();
    }
}
