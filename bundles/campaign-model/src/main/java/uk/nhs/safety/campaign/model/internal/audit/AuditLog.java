package uk.nhs.safety.campaign.model.internal.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;

/** Writes audit rows on the caller's connection, so each row commits or rolls back with the change it records. */
public final class AuditLog {

    static final int SUBJECT_MAX = 200;
    static final int DETAIL_MAX = 4000;

    private AuditLog() {
    }

    public static void write(Connection c, Instant at, String actor, String odsCode, String action, String subject,
                             String detail) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit (occurred_at, actor, ods_code, action,"
                + " subject, detail) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setObject(1, at.atOffset(ZoneOffset.UTC));
            ps.setString(2, actor);
            ps.setString(3, odsCode);
            ps.setString(4, action);
            ps.setString(5, clip(subject, SUBJECT_MAX));
            ps.setString(6, clip(detail, DETAIL_MAX));
            ps.executeUpdate();
        }
    }

    // A long detail (a big import, a long text) is shortened rather than allowed to fail the write it records.
    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
