package uk.nhs.safety.campaign.model.internal.plan;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import uk.nhs.safety.campaign.api.PlanStatus;
import uk.nhs.safety.campaign.api.PlanContent;
import uk.nhs.safety.campaign.api.PlanVersion;
import uk.nhs.safety.campaign.api.SafetyPlan;
import uk.nhs.safety.campaign.api.access.CallerAccess;
import uk.nhs.safety.campaign.model.internal.db.Sql;
import uk.nhs.safety.campaign.model.internal.json.PlanJson;

/** Reads working plans; shared with the measure service, which needs the current plan's measures. */
public final class PlanRows {

    private PlanRows() {
    }

    public static Optional<SafetyPlan> find(Connection c, String odsCode, PlanJson json) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT ods_code, content, status, published_version,"
                + " updated_at, updated_by, lock_version FROM plan WHERE ods_code = ?")) {
            ps.setString(1, odsCode);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new SafetyPlan(rs.getString("ods_code"), json.read(rs.getString("content")),
                        PlanStatus.valueOf(rs.getString("status")), rs.getInt("published_version"),
                        Sql.instant(rs, "updated_at"), rs.getString("updated_by"), rs.getLong("lock_version")));
            }
        }
    }

    /** The member's latest published plan version (one query: the plan row joined to that version), if any. */
    public static Optional<PlanVersion> latestPublished(Connection c, String odsCode, PlanJson json)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT v.ods_code, v.version_number, v.published_at,"
                + " v.published_by, v.content FROM plan p JOIN plan_version v ON v.ods_code = p.ods_code"
                + " AND v.version_number = p.published_version WHERE p.ods_code = ? AND p.published_version > 0")) {
            ps.setString(1, odsCode);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new PlanVersion(rs.getString("ods_code"), rs.getInt("version_number"),
                        Sql.instant(rs, "published_at"), rs.getString("published_by"),
                        json.read(rs.getString("content"))));
            }
        }
    }

    /**
     * The plan content a caller may see, the platform's draft rule: the working copy for those who may edit the
     * member ({@link CallerAccess#mayEdit}), the latest published version for everyone else.
     */
    public static Optional<PlanContent> visibleContent(Connection c, String odsCode, CallerAccess caller,
                                                       PlanJson json) throws SQLException {
        if (caller != null && caller.mayEdit(odsCode)) {
            return find(c, odsCode, json).map(SafetyPlan::content);
        }
        return latestPublished(c, odsCode, json).map(PlanVersion::content);
    }
}
