package uk.nhs.safety.campaign.api;

import java.io.Reader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

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

    /**
     * Every member (active, withdrawn and closed alike), ordered by ODS code, read lazily a page at a time: no
     * connection is held between pages, so the stream needs no closing and may be consumed slowly. Each member
     * appears once; a member that joins while the stream is being read appears if its code sorts after the page
     * being read.
     *
     * <p>The default pages through {@link #list}; core reads by ODS code instead (no member skipped or repeated when
     * members join meanwhile). For test doubles of this interface the default is enough.
     *
     * @since 1.2
     */
    default Stream<Member> all() {
        Iterator<Member> pages = new Iterator<>() {
            private List<Member> page = List.of();
            private int index;
            private int offset;
            private boolean last;

            @Override
            public boolean hasNext() {
                if (index < page.size()) {
                    return true;
                }
                if (last) {
                    return false;
                }
                Page<Member> next = list(new MemberQuery(null, null, null, null, offset, MemberQuery.MAX_LIMIT));
                page = new ArrayList<>(next.items());
                index = 0;
                offset += page.size();
                last = page.isEmpty() || offset >= next.total();
                return !page.isEmpty();
            }

            @Override
            public Member next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.get(index++);
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(pages,
                Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.DISTINCT), false);
    }
    /** The campaign at a glance (counts, sign-ups by month, published plans), from aggregate queries. */
    CampaignSummary summary();
}
