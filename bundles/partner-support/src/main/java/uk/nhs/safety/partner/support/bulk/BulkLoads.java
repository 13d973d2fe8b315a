package uk.nhs.safety.partner.support.bulk;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import uk.nhs.safety.campaign.api.partner.BulkLoader;

/**
 * Bulk loads ({@link BulkLoader}) into partners' tables, written once for core ({@code campaign-model}, which embeds
 * this package privately and serves {@code PartnerDatabase.bulkLoad} with it) and the partner test kit (so partners'
 * import tests on PostgreSQL run the very same COPY path): PostgreSQL's {@code COPY ... FROM STDIN} through pgjdbc's
 * {@code CopyManager} (the connection unwrapped through the pool's proxy), in binary format ({@link BinaryCopy}) when
 * every column's type has one there, else in text format; batched {@code INSERT}s on any other database (H2). pgjdbc's classes are touched only on PostgreSQL, so an H2-only install never needs them.
 */
public final class BulkLoads {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
    /** Rows per JDBC batch on H2. */
    static final int BATCH = 500;

    private BulkLoads() {
    }

    /**
     * Opens a load into {@code table} on {@code c}.
     *
     * @param prefix the partner's prefix the table must carry
     * @throws IllegalArgumentException when a name is not a plain identifier or the table lacks the prefix
     * @throws NoClassDefFoundError      on PostgreSQL when pgjdbc's COPY API is not visible to the caller's bundle
     *                                   ({@link #inserts} still loads, slower)
     */
    public static BulkLoader open(Connection c, String prefix, String table, List<String> columns) throws SQLException {
        String cols = checked(prefix, table, columns);
        if ("PostgreSQL".equals(c.getMetaData().getDatabaseProductName())) {
            BulkLoader binary = BinaryCopy.open(c, table, cols, columns);
            return binary != null ? binary : Copy.open(c, table, cols, columns.size());
        }
        return inserts(c, table, cols, columns.size());
    }

    /** Opens a load into {@code table} on {@code c} with batched {@code INSERT}s, whatever the database. */
    public static BulkLoader inserts(Connection c, String prefix, String table, List<String> columns)
            throws SQLException {
        return inserts(c, table, checked(prefix, table, columns), columns.size());
    }

    private static BulkLoader inserts(Connection c, String table, String cols, int width) throws SQLException {
        return new Inserts(c.prepareStatement("INSERT INTO " + table + " (" + cols + ") VALUES ("
                + "?, ".repeat(width - 1) + "?)"), width);
    }

    /** The columns as SQL, once every name is checked. */
    private static String checked(String prefix, String table, List<String> columns) {
        check(table, "table");
        if (!table.toLowerCase(Locale.ROOT).startsWith(prefix)) {
            throw new IllegalArgumentException("table " + table + ": a partner loads only its own tables, named with"
                    + " its prefix '" + prefix + "'");
        }
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("table " + table + ": no columns to load");
        }
        columns.forEach(col -> check(col, "column"));
        return String.join(", ", columns);
    }

    private static void check(String name, String what) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException(what + " '" + name + "': a plain SQL name (letters, digits, '_')");
        }
    }

    /** Batched INSERTs (H2, or PostgreSQL without the driver's COPY API in reach). */
    private static final class Inserts implements BulkLoader {
        private final PreparedStatement insert;
        private final int width;
        private int column;
        private int pending;
        private long rows;
        private boolean finished;

        Inserts(PreparedStatement insert, int width) {
            this.insert = insert;
            this.width = width;
        }

        @Override
        public BulkLoader value(Object value) throws SQLException {
            if (column == width) {
                throw new IllegalStateException("a row has " + width + " values; endRow() was not called");
            }
            insert.setObject(++column, value);
            return this;
        }

        @Override
        public void endRow() throws SQLException {
            if (column != width) {
                throw new IllegalStateException("a row has " + width + " values, this one " + column);
            }
            column = 0;
            insert.addBatch();
            rows++;
            if (++pending == BATCH) {
                insert.executeBatch();
                pending = 0;
            }
        }

        @Override
        public long finish() throws SQLException {
            if (pending > 0) {
                insert.executeBatch();
                pending = 0;
            }
            finished = true;
            insert.close();
            return rows;
        }

        @Override
        public void close() throws SQLException {
            if (!finished) {
                finished = true;
                insert.close();
            }
        }
    }

    /** {@code COPY ... FROM STDIN} in text format (a column of a type {@link BinaryCopy} does not write): tab-separated, {@code \N} for null, backslash escapes. */
    private static final class Copy implements BulkLoader {
        private static final int BUFFER = 1 << 16;
        private final CopyIn copy;
        private final int width;
        private final byte[] buffer = new byte[BUFFER];
        private int used;
        private int column;
        private long rows;

        private Copy(CopyIn copy, int width) {
            this.copy = copy;
            this.width = width;
        }

        static BulkLoader open(Connection c, String table, String cols, int width) throws SQLException {
            CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table + " (" + cols
                    + ") FROM STDIN");
            return new Copy(in, width);
        }

        @Override
        public BulkLoader value(Object value) throws SQLException {
            if (column == width) {
                throw new IllegalStateException("a row has " + width + " values; endRow() was not called");
            }
            if (column++ > 0) {
                put((byte) '\t');
            }
            if (value == null) {
                put((byte) '\\');
                put((byte) 'N');
            } else if (value instanceof String s) {
                text(s);
            } else if (value instanceof Long n) {
                number(n);
            } else if (value instanceof Integer n) {
                number(n);
            } else if (value instanceof LocalDate d && d.getYear() >= 0 && d.getYear() <= 9999) {
                date(d);
            } else if (value instanceof LocalDate d) {
                ascii(d.toString());
            } else if (value instanceof Boolean b) {
                put((byte) (b ? 't' : 'f'));
            } else {
                throw new IllegalArgumentException("column " + column + ": cannot load a "
                        + value.getClass().getName() + " (String, Long, Integer, Boolean, LocalDate or null)");
            }
            return this;
        }

        @Override
        public void endRow() throws SQLException {
            if (column != width) {
                throw new IllegalStateException("a row has " + width + " values, this one " + column);
            }
            column = 0;
            put((byte) '\n');
            rows++;
        }

        @Override
        public long finish() throws SQLException {
            flush();
            copy.endCopy();
            return rows;
        }

        @Override
        public void close() throws SQLException {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }

        private void text(String s) throws SQLException {
            if (BUFFER - used < 2 * s.length()) {
                flush();
            }
            // With room for twice its length (every character escaped) the plain characters need no check each.
            boolean room = BUFFER - used >= 2 * s.length();
            for (int i = 0; i < s.length(); i++) {
                char ch = s.charAt(i);
                switch (ch) {
                    case '\\' -> escape('\\');
                    case '\t' -> escape('t');
                    case '\n' -> escape('n');
                    case '\r' -> escape('r');
                    default -> {
                        if (ch < 0x80 && room) {
                            buffer[used++] = (byte) ch;
                        } else if (ch < 0x80) {
                            put((byte) ch);
                        } else {
                            // Rare: the rest of the value as UTF-8 (surrogate pairs kept together).
                            for (byte b : s.substring(i).replace("\\", "\\\\").replace("\t", "\\t")
                                    .replace("\n", "\\n").replace("\r", "\\r").getBytes(StandardCharsets.UTF_8)) {
                                put(b);
                            }
                            return;
                        }
                    }
                }
            }
        }

        private void escape(char c) throws SQLException {
            put((byte) '\\');
            put((byte) c);
        }

        /** Digits straight into the buffer (a million rows of numbers: no string each). */
        private void number(long n) throws SQLException {
            if (n < 0) {
                if (n == Long.MIN_VALUE) {
                    ascii(Long.toString(n));
                    return;
                }
                put((byte) '-');
                n = -n;
            }
            if (BUFFER - used < 20) {
                flush();
            }
            int end = used + digits(n);
            used = end;
            do {
                buffer[--end] = (byte) ('0' + n % 10);
                n /= 10;
            } while (n > 0);
        }

        private static int digits(long n) {
            int d = 1;
            for (long x = n; x >= 10; x /= 10) {
                d++;
            }
            return d;
        }

        /** A date of years 0 to 9999 as yyyy-mm-dd, as {@link LocalDate#toString()} writes it. */
        private void date(LocalDate d) throws SQLException {
            if (BUFFER - used < 10) {
                flush();
            }
            fixed(d.getYear(), 4);
            buffer[used++] = '-';
            fixed(d.getMonthValue(), 2);
            buffer[used++] = '-';
            fixed(d.getDayOfMonth(), 2);
        }

        private void fixed(int n, int width) {
            for (int i = width - 1; i >= 0; i--) {
                buffer[used + i] = (byte) ('0' + n % 10);
                n /= 10;
            }
            used += width;
        }

        private void ascii(String s) throws SQLException {
            for (int i = 0; i < s.length(); i++) {
                put((byte) s.charAt(i));
            }
        }

        private void put(byte b) throws SQLException {
            if (used == BUFFER) {
                flush();
            }
            buffer[used++] = b;
        }

        private void flush() throws SQLException {
            if (used > 0) {
                copy.writeToCopy(buffer, 0, used);
                used = 0;
            }
        }
    }
}
