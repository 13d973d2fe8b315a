package uk.nhs.safety.campaign.rest.internal.api;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import uk.nhs.safety.campaign.api.event.CampaignEvent;
import uk.nhs.safety.campaign.api.event.CampaignEventSubscriber;
import uk.nhs.safety.campaign.api.event.CampaignTopics;
import uk.nhs.safety.campaign.rest.internal.http.ApiResponse;
import uk.nhs.safety.campaign.rest.internal.http.ETags;
import uk.nhs.safety.campaign.rest.internal.http.MediaTypes;

/**
 * What anonymous callers read (published content only: members, published plans and versions, measures and their
 * charts, the campaign summary, the icon summaries and their CSV), kept as the bytes sent, with their strong ETag, by request path, so that a repeated
 * public read costs no query. An entry belongs to a member (its ODS code) or to the whole campaign (lists, summary).
 *
 * <p>Entries are dropped, never expired: a change to a member drops that member's entries and every campaign-wide
 * one. The HTTP API drops them itself, before answering, when it makes a change ({@link #changed(String)}), so the
 * next read on this node sees it at once; every other change (console, partners, other nodes) arrives as an event of
 * the durable log, which this class hears as an {@link Delivery#EVERY_NODE} subscriber (core's dispatcher reads the
 * log at once when this node posts an event through EventAdmin, and every poll interval for other nodes' events).
 *
 * <p>A read that began before a change must not store what it read after the change dropped the entries: each drop
 * moves a generation counter, and an answer is stored only when the generation is the one its read started in.
 * Bounded: past {@code maxEntries} the whole cache is dropped (the public routes are few per member, so a full cache
 * means a crawl, and starting over is cheaper than tracking use). Thread-safe.
 */
@Component(service = {PublishedCache.class, CampaignEventSubscriber.class})
public final class PublishedCache implements CampaignEventSubscriber {

    /** At most this many answers are kept (about ten routes per member; bodies of a few KiB). */
    public static final int MAX_ENTRIES = 5_000;

    /** The subscriber id on the event log. */
    public static final String SUBSCRIBER_ID = "core-rest-published-cache";

    /**
     * A response as stored: the bytes (JSON, or the CSV of a route that offers one) and their content type, their
     * ETag (quoted; the handler's own, or one computed from the bytes), the handler's other headers (e.g.
     * {@code Link}) and caching.
     */
    public record Entry(String member, byte[] body, String etag, boolean contentTag, Map<String, String> headers,
                        ApiResponse.Caching caching, String contentType) {

        public Entry {
            headers = Map.copyOf(headers);
            contentType = contentType == null ? MediaTypes.JSON_UTF8 : contentType;
        }

        /** A fresh response with this entry's bytes and headers (the pipeline decorates its own copy). */
        public ApiResponse response() {
            ApiResponse response = ApiResponse.bytes(200, contentType, body).caching(caching);
            headers.forEach(response::header);
            return contentTag ? response.contentTag(etag) : response.header("ETag", etag);
        }
    }

    private final int maxEntries;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    @Activate
    public PublishedCache() {
        this(MAX_ENTRIES);
    }

    public PublishedCache(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    /** The stored answer for a request path, if any. */
    public Optional<Entry> get(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    /** The generation to pass to {@link #put}: read it before reading what will be stored. */
    public long generation() {
        return generation.get();
    }

    /**
     * Stores a handler's successful answer, as {@code body}, read in generation {@code readIn}, unless a change happened
     * since; returns it as stored (or as it would have been).
     *
     * @param member the member whose change drops it, or {@code null} for campaign-wide content
     */
    public Entry put(String key, String member, byte[] body, ApiResponse answer, long readIn) {
        Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(answer.headers());
        String etag = headers.remove("ETag");
        Entry entry = new Entry(member, body, etag == null ? ETags.strongOf(body) : etag, etag == null, headers,
                answer.caching(), answer.contentType());
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        if (generation.get() == readIn) {
            entries.put(key, entry);
            // A drop that ran between the check and the put moved the generation: undo, in case it missed ours.
            if (generation.get() != readIn) {
                entries.remove(key, entry);
            }
        }
        return entry;
    }

    /** A member changed ({@code null}: something campaign-wide): drops its entries and every campaign-wide one. */
    public void changed(String member) {
        generation.incrementAndGet();
        entries.values().removeIf(e -> e.member() == null || e.member().equals(member));
    }

    /** Drops everything. */
    public void clear() {
        generation.incrementAndGet();
        entries.clear();
    }

    /** How many answers are stored. */
    public int size() {
        return entries.size();
    }

    @Override
    public String subscriberId() {
        return SUBSCRIBER_ID;
    }

    @Override
    public Delivery delivery() {
        return Delivery.EVERY_NODE;
    }

    /** Every campaign event is a change of published content (or may be): its member's entries go. */
    @Override
    public void onEvent(CampaignEvent event) {
        Object code = event.properties().get(CampaignTopics.ODS_CODE);
        changed(code == null ? null : code.toString());
    }
}
