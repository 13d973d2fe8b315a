package uk.nhs.safety.partner.support.bulk;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import uk.nhs.safety.campaign.api.partner.BulkLoader;

/**
 * PostgreSQL's {@code COPY ... FROM STDIN (FORMAT binary)}: each value in the column type's own binary form, so the
 * server parses no text (measured on the claims import: dates and numbers in text were a large part of the server's
 * work). Used when every column is of a type written here (smallint, integer, bigint, text, varchar, char, date,
 * boolean); {@link #open} answers null otherwise and the caller copies in text format. Values: a {@link String}
 * (or any value, as text) into a text column, {@link Long} or {@link Integer} into an integer column of any width
 * (out of its range is refused), {@link LocalDate} into a date column, {@link Boolean} into a boolean column; another
 * combination is refused with an {@link IllegalArgumentException} naming the column.
 */
final class BinaryCopy implements BulkLoader {

    private enum Kind { INT2, INT4, INT8, TEXT, DATE, BOOL }

    private static final Map<String, Kind> KINDS = Map.of("int2", Kind.INT2, "int4", Kind.INT4, "int8", Kind.INT8,
            "text", Kind.TEXT, "varchar", Kind.TEXT, "bpchar", Kind.TEXT, "date", Kind.DATE, "bool", Kind.BOOL);
    /** PostgreSQL counts dates in days from 2000-01-01. */
    private static final long PG_EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();
    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0,
        0, 0, 0, 0, 0, 0, 0, 0};
    private static final int BUFFER = 1 << 16;

    private final CopyIn copy;
    private final Kind[] kinds;
    private final List<String> columns;
    private final byte[] buffer = new byte[BUFFER];
    private int used;
    private int column;
    private long rows;

    private BinaryCopy(CopyIn copy, Kind[] kinds, List<String> columns) {
        this.copy = copy;
        this.kinds = kinds;
        this.columns = columns;
        System.arraycopy(HEADER, 0, buffer, 0, HEADER.length);
        used = HEADER.length;
    }

    /** Opens a binary load, or answers null when a column's type has no binary form here (or is not found). */
    static BulkLoader open(Connection c, String table, String cols, List<String> columns) throws SQLException {
        Map<String, String> types = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT a.attname, t.typname FROM pg_catalog.pg_attribute a"
                + " JOIN pg_catalog.pg_type t ON t.oid = a.atttypid WHERE a.attrelid = CAST(? AS regclass)"
                + " AND a.attnum > 0 AND NOT a.attisdropped")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    types.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        Kind[] kinds = new Kind[columns.size()];
        for (int i = 0; i < kinds.length; i++) {
            kinds[i] = KINDS.get(types.getOrDefault(columns.get(i).toLowerCase(Locale.ROOT), ""));
            if (kinds[i] == null) {
                return null;
            }
        }
        CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table + " (" + cols
                + ") FROM STDIN (FORMAT binary)");
        return new BinaryCopy(in, kinds, List.copyOf(columns));
    }

    @Override
    public BulkLoader value(Object value) throws SQLException {
        if (column == kinds.length) {
            throw new IllegalStateException("a row has " + kinds.length + " values; endRow() was not called");
        }
        if (column == 0) {
            room(2);
            putShort(kinds.length);
        }
        Kind kind = kinds[column];
        if (value == null) {
            room(4);
            putInt(-1);
        } else if (kind == Kind.TEXT) {
            text(value instanceof Boolean b ? (b ? "t" : "f") : value.toString());
        } else if (kind == Kind.DATE && value instanceof LocalDate d) {
            long days = d.toEpochDay() - PG_EPOCH_DAY;
            if (days != (int) days) {
                throw new SQLException("column " + columns.get(column) + ": date " + d + " out of range");
            }
            room(8);
            putInt(4);
            putInt((int) days);
        } else if (kind == Kind.BOOL && value instanceof Boolean b) {
            room(5);
            putInt(1);
            buffer[used++] = (byte) (b ? 1 : 0);
        } else if ((kind == Kind.INT2 || kind == Kind.INT4 || kind == Kind.INT8)
                && (value instanceof Long || value instanceof Integer)) {
            integer(kind, ((Number) value).longValue());
        } else {
            throw new IllegalArgumentException("column " + columns.get(column) + " (" + kind.name().toLowerCase(
                    Locale.ROOT) + "): cannot load a " + value.getClass().getName());
        }
        column++;
        return this;
    }

    private void integer(Kind kind, long n) throws SQLException {
        room(12);
        if (kind == Kind.INT8) {
            putInt(8);
            putInt((int) (n >>> 32));
            putInt((int) n);
        } else if (kind == Kind.INT4 && n == (int) n) {
            putInt(4);
            putInt((int) n);
        } else if (kind == Kind.INT2 && n == (short) n) {
            putInt(2);
            putShort((int) n);
        } else {
            throw new SQLException("column " + columns.get(column) + ": " + n + " is out of range for type "
                    + (kind == Kind.INT4 ? "integer" : "smallint"), "22003");
        }
    }

    @Override
    public void endRow() throws SQLException {
        if (column != kinds.length) {
            throw new IllegalStateException("a row has " + kinds.length + " values, this one " + column);
        }
        column = 0;
        rows++;
    }

    @Override
    public long finish() throws SQLException {
        room(2);
        putShort(-1);
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

    /** UTF-8, through the JDK's encoder (which copies an ASCII string's bytes in one go). */
    private void text(String s) throws SQLException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        room(4 + bytes.length);
        putInt(bytes.length);
        if (bytes.length > BUFFER - used) {
            flush();
            copy.writeToCopy(bytes, 0, bytes.length);
            return;
        }
        System.arraycopy(bytes, 0, buffer, used, bytes.length);
        used += bytes.length;
    }

    private void room(int bytes) throws SQLException {
        if (BUFFER - used < bytes) {
            flush();
        }
    }

    private void putInt(int n) {
        buffer[used++] = (byte) (n >>> 24);
        buffer[used++] = (byte) (n >>> 16);
        buffer[used++] = (byte) (n >>> 8);
        buffer[used++] = (byte) n;
    }

    private void putShort(int n) {
        buffer[used++] = (byte) (n >>> 8);
        buffer[used++] = (byte) n;
    }

    private void flush() throws SQLException {
        if (used > 0) {
            copy.writeToCopy(buffer, 0, used);
            used = 0;
        }
    }
}
