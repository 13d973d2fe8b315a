package uk.nhs.safety.campaign.api;

import java.io.Reader;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** Members of the campaign. Thread-safe; every write is one transaction and is audited. */
@ProviderType
public interface MemberService {

    /**
     * Imports NHS trusts from an ODS extract in the format of the ODS "etr" file (headerless CSV: code, name,
     * national grouping, health geography, address lines 1–5, postcode, open date, close date, … region letter in
     * column 24). New codes become members; known codes get their ODS details refreshed; the campaign-owned
     * fields (joined date, status) are never touched. Idempotent. All or nothing: any bad row fails the whole
     * import with a {@link ValidationException} naming every bad line and field, and nothing is written.
     *
     * @param actor      who is importing (for the audit trail)
     * @param source     the file's text
     * @param sourceName the file name, for messages and the audit trail
     */
    ImportResult importOdsExtract(String actor, Reader source, String sourceName);

    /** Signs one organisation up; refuses a malformed or already-known ODS code. Publishes a member-joined event. */
    Member join(String actor, NewMember member);

    /** Marks a member withdrawn, keeping everything it published. */
    Member withdraw(String actor, String odsCode, long expectedVersion);

    /** The member with this ODS code (case-insensitive). */
    Optional<Member> find(String odsCode);

    /** Members matching the query, ordered by ODS code. */
    Page<Member> list(MemberQuery query);

    /** The campaign at a glance (counts, sign-ups by month, published plans), from aggregate queries. */
    CampaignSummary summary();
}
