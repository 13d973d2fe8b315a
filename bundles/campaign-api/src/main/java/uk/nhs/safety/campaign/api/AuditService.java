package uk.nhs.safety.campaign.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** Reads the audit trail that every write leaves. */
@ProviderType
public interface AuditService {

    /**
     * The member's trail, newest first, at most {@code limit} entries; with a {@code null} ODS code the
     * campaign-wide entries, those that belong to no member (partner installs, upgrades and removals, focus areas,
     * API tokens).
     */
    List<AuditEntry> trail(String odsCode, int limit);
}
