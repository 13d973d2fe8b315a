package uk.nhs.safety.campaign.rest.internal.api;

import java.io.IOException;

import uk.nhs.safety.campaign.rest.internal.http.ApiResponse;

/**
 * A route's rule and handler; {@code published}: what it answers anonymous callers is published content, kept in the
 * {@link PublishedCache} until a change to it.
 */
public record Endpoint(Access access, Handler handler, boolean published) {

    /** Answers one routed, authorised call. */
    @FunctionalInterface
    public interface Handler {
        ApiResponse handle(Call call) throws IOException;
    }

    /** A route whose answers are never cached. */
    public static Endpoint of(Access access, Handler handler) {
        return new Endpoint(access, handler, false);
    }

    /** A public read of published content, cached for anonymous callers. */
    public static Endpoint published(Handler handler) {
        return new Endpoint(Access.ANYONE, handler, true);
    }
}
