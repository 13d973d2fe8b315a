package uk.nhs.safety.campaign.api.web;

import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A page a partner contributes to the public web pages, registered as an OSGi service. The web bundle draws the
 * page's frame (header, navigation, title, footer) and puts the partner's HTML fragment inside its main content.
 *
 * <p><b>The fragment is public.</b> Anyone can read the page, without logging in, so it must show only material meant
 * for staff, patients and the public (published actions and plans, never drafts). The partner escapes every text it
 * puts into the fragment (HTML special characters {@code & < > " '}: use
 * {@link uk.nhs.safety.campaign.api.text.Texts#html}); the fragment may use plain semantic elements
 * ({@code section, h2–h4, p, ul, ol, li, table, caption, thead, tbody, tr, th, td, a, strong, em, span, abbr}) with
 * {@code class} attributes. Scripts, styles and event-handler attributes are never run: the pages are served with a
 * Content-Security-Policy allowing only the web bundle's own script and style files. Headings inside the fragment
 * start at {@code h2} (the frame's title is the {@code h1}).
 *
 * <p>Called on the HTTP server's threads, concurrently: implementations are thread-safe. A rendering failure
 * (an exception) is logged by the web bundle and shown to the reader as "this partner page is unavailable"; the rest of
 * the site is unaffected.
 */
@ConsumerType
public interface PartnerPage {

    /**
     * The page's id, unique among installed pages and stable across versions (it is part of the page's URL):
     * lower-case letters, digits and hyphens, e.g. {@code cqc-evidence}.
     */
    String id();

    /** The contributing partner's id, as {@code PartnerIntegration.info().id()} (e.g. {@code cqc}). */
    String partnerId();

    /** The page's title and the text of the links to it, e.g. "CQC evidence summary". */
    String title();

    /** Whether it is a page per member or one national page. */
    PageScope scope();

    /**
     * The page's content as an HTML fragment (see the class description for what it may contain).
     *
     * @param odsCode the member's ODS code, upper case, for a {@link PageScope#MEMBER} page; {@code null} for a
     *                {@link PageScope#NATIONAL} page
     * @return the fragment, or empty when the partner has nothing to show for this member (the page answers 404)
     */
    Optional<String> render(String odsCode);
}
