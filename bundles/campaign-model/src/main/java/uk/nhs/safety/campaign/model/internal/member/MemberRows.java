package uk.nhs.safety.campaign.model.internal.member;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import uk.nhs.safety.campaign.api.Member;
import uk.nhs.safety.campaign.api.MemberStatus;
import uk.nhs.safety.campaign.api.NotFoundException;
import uk.nhs.safety.campaign.api.OrganisationType;
import uk.nhs.safety.campaign.model.internal.db.Sql;

/** Reads member rows; shared by every service whose data belongs to a member. */
public final class MemberRows {

    static final String COLUMNS = "ods_code, name, type, region, postcode, joined, status, open_date, close_date,"
            + " demo, lock_version";

    private MemberRows() {
    }

    public static Optional<Member> find(Connection c, String odsCode) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM member WHERE ods_code = ?")) {
            ps.setString(1, odsCode);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        }
    }

    /** The member, or a {@link NotFoundException} naming the code. */
    public static Member require(Connection c, String odsCode) throws SQLException {
        return find(c, odsCode).orElseThrow(() -> notFound(odsCode));
    }

    public static NotFoundException notFound(String odsCode) {
        return new NotFoundException("no member with ODS code '" + odsCode + "'");
    }

    static Member map(ResultSet rs) throws SQLException {
        return new Member(rs.getString("ods_code"), rs.getString("name"), OrganisationType.valueOf(rs.getString("type")),
                rs.getString("region"), rs.getString("postcode"), Sql.date(rs, "joined"),
                MemberStatus.valueOf(rs.getString("status")), Sql.date(rs, "open_date"), Sql.date(rs, "close_date"),
                rs.getBoolean("demo"), rs.getLong("lock_version"));
    }
}
