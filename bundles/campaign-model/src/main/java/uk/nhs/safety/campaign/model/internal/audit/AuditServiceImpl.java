package uk.nhs.safety.campaign.model.internal.audit;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import uk.nhs.safety.campaign.api.AuditEntry;
import uk.nhs.safety.campaign.api.AuditService;
import uk.nhs.safety.campaign.api.OdsCodes;
import uk.nhs.safety.campaign.api.ValidationException;
import uk.nhs.safety.campaign.api.Violation;
import uk.nhs.safety.campaign.model.internal.db.Database;

/** Reads the audit trail. A {@code null} ODS code reads the campaign-wide entries (e.g. vocabulary changes). */
@Component(service = AuditService.class)
public class AuditServiceImpl implements AuditService {

    /** The most entries one call returns. */
    public static final int MAX_LIMIT = 1000;

    private final Database db;

    @Activate
    public AuditServiceImpl(@Reference Database db) {
        this.db = db;
    }

    @Override
    public List<AuditEntry> trail(String odsCode, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ValidationException(Violation.of("limit", limit, "must be between 1 and " + MAX_LIMIT));
        }
        String code = odsCode == null ? null : OdsCodes.normalise(odsCode);
        return db.read(c -> {
            String where = code == null ? "ods_code IS NULL" : "ods_code = ?";
            try (PreparedStatement ps = c.prepareStatement("SELECT id, occurred_at, actor, ods_code, action, subject,"
                    + " detail FROM audit WHERE " + where + " ORDER BY occurred_at DESC, id DESC"
                    + " FETCH FIRST " + limit + " ROWS ONLY")) {
                if (code != null) {
                    ps.setString(1, code);
                }
                List<AuditEntry> entries = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        entries.add(new AuditEntry(rs.getLong("id"),
                                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getString("actor"),
                                rs.getString("ods_code"), rs.getString("action"), rs.getString("subject"),
                                rs.getString("detail")));
                    }
                }
                return entries;
            }
        });
    }
}
