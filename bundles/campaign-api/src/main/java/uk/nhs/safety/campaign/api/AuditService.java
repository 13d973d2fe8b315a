package uk.nhs.safety.campaign.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** Reads the audit trail that every write leaves. */
@ProviderType
public interface AuditService {

    /** The member's trail, newest first, at most {@code limit} entries. */
    List<AuditEntry> trail(String odsCode, int limit);
}
