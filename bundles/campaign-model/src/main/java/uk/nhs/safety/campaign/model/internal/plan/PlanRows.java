package uk.nhs.safety.campaign.model.internal.plan;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import uk.nhs.safety.campaign.api.PlanStatus;
import uk.nhs.safety.campaign.api.SafetyPlan;
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
}
