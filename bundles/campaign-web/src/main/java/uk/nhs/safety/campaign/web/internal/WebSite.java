package uk.nhs.safety.campaign.web.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.nhs.safety.campaign.api.ActionStatus;
import uk.nhs.safety.campaign.api.Member;
import uk.nhs.safety.campaign.api.MemberQuery;
import uk.nhs.safety.campaign.api.MemberService;
import uk.nhs.safety.campaign.api.OrganisationType;
import uk.nhs.safety.campaign.api.Page;
import uk.nhs.safety.campaign.api.Pledge;
import uk.nhs.safety.campaign.api.PledgeAction;
import uk.nhs.safety.campaign.api.PledgeService;
import uk.nhs.safety.campaign.api.StoreUnavailableException;
import uk.nhs.safety.campaign.api.text.Texts;
import uk.nhs.safety.campaign.api.web.PageScope;
import uk.nhs.safety.campaign.api.web.PartnerPage;

/**
 * The site's pages and assets, independent of the servlet container: a request's method and path in, a
 * {@link WebResponse} out. Pages are the bundle's templates ({@code web/layout.html} around {@code web/pages/*.html})
 * with the page's title, the member's name and the partner pages' links filled in on the server; their data comes from
 * the JSON API, fetched by the page's own script ({@code web/assets/js/<page>.js}). Thread-safe.
 *
 * <p>Pages show published content only, the same for every visitor, so a rendered page is kept by path with a strong
 * {@code ETag} (its hash) until a change to its member, or to the campaign, drops it ({@link #changed}: the servlet
 * hears every campaign event of every node through the durable event log); a page read while a change dropped the
 * cache is not kept. Templates are read from the bundle once.
 *
 * <pre>
 * /                                   national dashboard
 * /members                            member directory
 * /members/{ods}                      a member's public page (/members/{ods}/print: its printable view)
 * /members/{ods}/icons               the member's icon summary (/icons: every member's, by region)
 * /members/{ods}/partners/{page}      a partner's page about the member
 * /partners/{page}                    a partner's national page
 * /workspace, /workspace/{ods}        the member workspace (login form, then editing)
 * /assets/...                         scripts, styles, icons
 * </pre>
 */
final class WebSite {

    /** Pages may load only the bundle's own scripts, styles and images, and call only this server. */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self';"
            + " frame-ancestors 'none'";
    static final Map<String, String> SECURITY_HEADERS = Map.of(
            "Content-Security-Policy", CSP,
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "same-origin");

    /** At most this many pages are kept; past it, all are dropped (a crawl of made-up codes finds only 404s). */
    static final int MAX_PAGES = 2_000;

    private static final Logger LOG = LoggerFactory.getLogger(WebSite.class);
    private static final Pattern ODS = Pattern.compile("^[A-Za-z0-9]{3,8}$");
    private static final Pattern ASSET = Pattern.compile("^[a-z0-9][a-z0-9_-]*(/[a-z0-9][a-z0-9_.-]*)*\\.[a-z0-9]+$");
    private static final Map<String, String> TYPES = Map.of(
            "js", "text/javascript; charset=UTF-8",
            "css", "text/css; charset=UTF-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "json", "application/json",
            "txt", "text/plain; charset=UTF-8");

    private final Function<String, byte[]> resources;
    private final MemberService members;
    private final PledgeService pledges;
    private final PartnerPages partnerPages;
    private final Map<String, WebResponse> assets = new ConcurrentHashMap<>();
    /** The bundle's templates, read once (a bundle's entries do not change while it is installed). */
    private final Map<String, String> templates = new ConcurrentHashMap<>();
    /** Rendered pages by path, until a change drops them (see {@link #changed}). */
    private final Map<String, CachedPage> pages = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    /**
     * @param resources reads a file of the bundle below {@code web/} (e.g. {@code pages/home.html}); null if absent
     */
    WebSite(Function<String, byte[]> resources, MemberService members, PledgeService pledges,
            PartnerPages partnerPages) {
        this.resources = resources;
        this.members = members;
        this.pledges = pledges;
        this.partnerPages = partnerPages;
        partnerPages.onChange(this::clearPages);
    }

    WebResponse handle(String method, String path) {
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return new WebResponse(405, "text/plain; charset=UTF-8", Map.of("Allow", "GET, HEAD",
                    "Cache-Control", "no-store"), (method + " is not allowed here\n").getBytes(StandardCharsets.UTF_8));
        }
        String p = path == null || path.isEmpty() ? "/" : path;
        if (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        String[] s = p.substring(1).split("/", -1);
        Optional<String> scope = cacheScope(s);
        if (scope.isEmpty()) {
            return render(p, s);
        }
        CachedPage cached = pages.get(p);
        if (cached != null) {
            return cached.page();
        }
        long readIn = generation.get();
        WebResponse page = render(p, s);
        if (page.status() != 200) {
            return page;
        }
        Map<String, String> headers = new LinkedHashMap<>(page.headers());
        headers.put("ETag", "\"" + sha256(page.body()).substring(0, 22) + "\"");
        WebResponse tagged = new WebResponse(200, page.contentType(), headers, page.body());
        if (pages.size() >= MAX_PAGES) {
            pages.clear();
        }
        String member = scope.get().isEmpty() ? null : scope.get();
        CachedPage entry = new CachedPage(member, tagged);
        if (generation.get() == readIn) {
            pages.put(p, entry);
            if (generation.get() != readIn) {
                pages.remove(p, entry);
            }
        }
        return tagged;
    }

    /** A page kept until a change: {@code member} is null for campaign-wide pages. */
    private record CachedPage(String member, WebResponse page) {
    }

    /**
     * Whether a page is kept, and whose change drops it: the member's ODS code, or "" for a campaign-wide page (the
     * dashboard, the directory with its region list, the workspace's login page). Partner pages are not kept (their
     * content is the partner's).
     */
    private static Optional<String> cacheScope(String[] s) {
        if (s.length == 1 && (s[0].isEmpty() || "members".equals(s[0]) || "workspace".equals(s[0])
                || "icons".equals(s[0]))) {
            return Optional.of("");
        }
        boolean member = "members".equals(s[0]) && (s.length == 2
                || s.length == 3 && ("print".equals(s[2]) || "icons".equals(s[2])))
                || "workspace".equals(s[0]) && s.length == 2;
        return member && ODS.matcher(s[1]).matches() ? Optional.of(s[1].toUpperCase(Locale.ROOT)) : Optional.empty();
    }

    /** A member changed ({@code null}: something campaign-wide): its pages and every campaign-wide page go. */
    void changed(String member) {
        generation.incrementAndGet();
        pages.values().removeIf(c -> c.member() == null || c.member().equals(member));
    }

    /** Drops every kept page (partner pages came or went, so the links on them changed). */
    void clearPages() {
        generation.incrementAndGet();
        pages.clear();
    }

    private WebResponse render(String p, String[] s) {
        try {
            if ("/".equals(p)) {
                return page("home", "National dashboard", "home", Map.of("partnerLinks",
                        links(partnerPages.of(PageScope.NATIONAL), null)));
            }
            if ("assets".equals(s[0]) && s.length > 1) {
                return asset(p.substring("/assets/".length()));
            }
            if ("members".equals(s[0])) {
                if (s.length == 1) {
                    return page("members", "Members", "members", Map.of("typeOptions", typeOptions(),
                            "regionOptions", regionOptions()));
                }
                Optional<Member> member = member(s[1]);
                if (member.isEmpty()) {
                    return notFound("No member has the ODS code " + s[1] + ".");
                }
                if (s.length == 3 && "icons".equals(s[2])) {
                    return iconsPage(member.get());
                }
                if (s.length == 2 || (s.length == 3 && "print".equals(s[2]))) {
                    return memberPage(member.get(), s.length == 3);
                }
                if (s.length == 4 && "partners".equals(s[2])) {
                    return partnerPage(s[3], PageScope.MEMBER, member.get());
                }
            }
            if ("icons".equals(s[0]) && s.length == 1) {
                return iconsPage(null);
            }
            if ("partners".equals(s[0]) && s.length == 2) {
                return partnerPage(s[1], PageScope.NATIONAL, null);
            }
            if ("workspace".equals(s[0])) {
                if (s.length == 1) {
                    return page("workspace", "Member workspace", "workspace", Map.of("ods", "", "memberName", ""));
                }
                if (s.length == 2) {
                    Optional<Member> member = member(s[1]);
                    if (member.isEmpty()) {
                        return notFound("No member has the ODS code " + s[1] + ".");
                    }
                    return page("workspace", "Workspace: " + member.get().name(), "workspace",
                            Map.of("ods", Texts.html(member.get().odsCode()),
                                    "memberName", Texts.html(member.get().name())));
                }
            }
            return notFound("There is no page at this address.");
        } catch (StoreUnavailableException e) {
            // Expected while the database is down: the store logs each change of state once.
            LOG.debug("Web page {}: store unavailable: {}", p, e.getMessage());
            return unavailable(e);
        } catch (RuntimeException e) {
            LOG.error("Web page {} failed", p, e);
            return page("error", "Something went wrong", "", Map.of(), 500);
        }
    }

    private static String typeOptions() {
        StringBuilder b = new StringBuilder();
        for (OrganisationType t : OrganisationType.values()) {
            b.append("<option value=\"").append(t.name().toLowerCase(Locale.ROOT)).append("\">")
                    .append(Texts.html(t.label())).append("</option>");
        }
        return b.toString();
    }

    /** The regions members are in, for the directory's filter (one pass over the member list). */
    private String regionOptions() {
        java.util.SortedSet<String> regions = new java.util.TreeSet<>();
        int offset = 0;
        while (true) {
            Page<Member> page = members.list(new MemberQuery(null, null, null, null, offset, 1000));
            page.items().stream().map(Member::region).filter(r -> r != null && !r.isBlank()).forEach(regions::add);
            offset += page.items().size();
            if (page.items().isEmpty() || offset >= page.total()) {
                break;
            }
        }
        StringBuilder b = new StringBuilder();
        for (String r : regions) {
            b.append("<option>").append(Texts.html(r)).append("</option>");
        }
        return b.toString();
    }

    private Optional<Member> member(String code) {
        if (!ODS.matcher(code).matches()) {
            return Optional.empty();
        }
        return members.find(code.toUpperCase(Locale.ROOT));
    }

    private WebResponse memberPage(Member m, boolean print) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("ods", Texts.html(m.odsCode()));
        values.put("memberName", Texts.html(m.name()));
        values.put("memberType", Texts.html(m.type() == null ? "" : m.type().label()));
        values.put("memberRegion", Texts.html(m.region() == null ? "" : m.region()));
        values.put("memberJoined", m.joined() == null ? "" : m.joined().toString());
        values.put("memberStatus", m.status() == null ? "" : Texts.html(m.status().name().toLowerCase(Locale.ROOT)));
        values.put("demoNote", m.demo() ? "<p class=\"demo-note\"><strong>Demo data:</strong> this member's plan and"
                + " actions are made-up examples for trying the platform.</p>" : "");
        values.put("printClass", print ? "print-view" : "");
        values.put("partnerLinks", links(partnerPages.of(PageScope.MEMBER), m.odsCode()));
        values.put("pledges", pledgesHtml(pledges.actions(m.odsCode(), true)));
        return page("member", m.name() + " (" + m.odsCode() + ")", "member", values);
    }

    /**
     * The icon summary, a member's ({@code m}) or the nation's ({@code null}): the page's script draws the tables from
     * the API's JSON; the links to the CSV and JSON work without it.
     */
    private WebResponse iconsPage(Member m) {
        Map<String, String> values = new LinkedHashMap<>();
        String api = m == null ? "/api/v1/icons" : "/api/v1/members/" + m.odsCode() + "/icons";
        values.put("ods", m == null ? "" : Texts.html(m.odsCode()));
        values.put("heading", m == null ? "Icon summary: every member's measures"
                : "Icon summary: " + Texts.html(m.name()));
        values.put("lede", m == null
                ? "The latest Making Data Count variation and assurance icons of every measure in members' published"
                        + " safety improvement plans, grouped by region, with how many measures show each icon."
                : "The latest Making Data Count variation and assurance icons of every measure in the published"
                        + " safety improvement plan of " + Texts.html(m.name()) + " (" + Texts.html(m.odsCode())
                        + ").");
        values.put("back", m == null ? "<a href=\"/\">National dashboard</a>"
                : "<a href=\"/members/" + Texts.html(m.odsCode()) + "\">Back to " + Texts.html(m.name()) + "</a>");
        values.put("json", Texts.html(api));
        values.put("csv", Texts.html(api + ".csv"));
        return page("icons", m == null ? "Icon summary" : "Icon summary: " + m.name(), "icons", values);
    }

    private WebResponse partnerPage(String id, PageScope scope, Member m) {
        Optional<PartnerPage> page = partnerPages.find(id, scope);
        if (page.isEmpty()) {
            return notFound("There is no partner page '" + id + "' here: the partner may not be installed.");
        }
        String content;
        int status = 200;
        try {
            Optional<String> rendered = page.get().render(m == null ? null : m.odsCode());
            if (rendered.isEmpty()) {
                return notFound(page.get().title() + " has nothing to show"
                        + (m == null ? "." : " for " + m.name() + "."));
            }
            content = rendered.get();
        } catch (StoreUnavailableException e) {
            LOG.debug("Partner page '{}': store unavailable: {}", id, e.getMessage());
            return unavailable(e);
        } catch (RuntimeException e) {
            LOG.error("Partner page '{}' of partner '{}' failed for {}", id, page.get().partnerId(),
                    m == null ? "the national page" : m.odsCode(), e);
            content = "<p class=\"error-summary\" role=\"alert\">This partner page is unavailable just now. Please try"
                    + " again later.</p>";
            status = 500;
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put("pageTitle", Texts.html(page.get().title()));
        values.put("partnerId", Texts.html(page.get().partnerId()));
        values.put("back", m == null ? "<a href=\"/\">Back to the national dashboard</a>"
                : "<a href=\"/members/" + Texts.html(m.odsCode()) + "\">Back to " + Texts.html(m.name()) + "</a>");
        values.put("memberLine", m == null ? "" : "<p class=\"lede\">" + Texts.html(m.name()) + " ("
                + Texts.html(m.odsCode()) + ")</p>");
        values.put("content", content);
        String title = page.get().title() + (m == null ? "" : ": " + m.name());
        return page("partner", title, "", values, status);
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    /**
     * The five pledges with the member's published actions, rendered here so that the page's core content reads
     * without JavaScript and arrives with the page. The same markup as the page's script would draw.
     */
    static String pledgesHtml(List<PledgeAction> actions) {
        StringBuilder b = new StringBuilder(4096);
        for (Pledge p : Pledge.values()) {
            List<PledgeAction> mine = actions.stream().filter(a -> a.published() && a.pledge() == p).toList();
            b.append("<div class=\"pledge\" data-pledge=\"").append(p.number()).append("\"><h3>").append(p.number())
                    .append(". ").append(Texts.html(p.title())).append("</h3><p class=\"description\">")
                    .append(Texts.html(p.description())).append("</p>");
            if (mine.isEmpty()) {
                b.append("<p class=\"muted\">No published actions yet.</p>");
            } else {
                b.append("<ul class=\"actions-list\">");
                for (PledgeAction a : mine) {
                    String status = a.status() == null ? "planned" : a.status().name().toLowerCase(Locale.ROOT);
                    List<String> meta = new java.util.ArrayList<>();
                    meta.add("Owner: " + a.ownerRole());
                    if (a.dueDate() != null) {
                        meta.add("due " + DAY.format(a.dueDate()));
                    }
                    if (a.publishedAt() != null) {
                        meta.add("published " + DAY.format(a.publishedAt().atZone(LONDON)));
                    }
                    b.append("<li data-action=\"").append(a.id()).append("\">").append(Texts.html(a.text()))
                            .append(" <span class=\"tag tag-").append(status).append("\">")
                            .append(STATUS.getOrDefault(a.status(), status)).append("</span><span class=\"action-meta\">")
                            .append(Texts.html(String.join(" · ", meta))).append("</span></li>");
                }
                b.append("</ul>");
            }
            b.append("</div>");
        }
        return b.toString();
    }

    private static final Map<ActionStatus, String> STATUS = Map.of(ActionStatus.PLANNED, "Planned",
            ActionStatus.IN_PROGRESS, "In progress", ActionStatus.DONE, "Done");

    /** The links to partner pages, or a sentence saying there are none. */
    private static String links(List<PartnerPage> pages, String ods) {
        if (pages.isEmpty()) {
            return "<p class=\"muted\" id=\"partner-pages-none\">No " + (ods == null ? "national " : "")
                    + "partner pages are installed.</p>";
        }
        StringBuilder b = new StringBuilder("<ul class=\"partner-links\" id=\"partner-pages\">");
        for (PartnerPage p : pages) {
            String href = ods == null ? "/partners/" + p.id() : "/members/" + ods + "/partners/" + p.id();
            b.append("<li><a href=\"").append(Texts.html(href)).append("\" data-partner-page=\"")
                    .append(Texts.html(p.id())).append("\">").append(Texts.html(p.title())).append("</a></li>");
        }
        return b.append("</ul>").toString();
    }

    /**
     * A plain 503 page (no layout, scripts or styles to fetch) with {@code Retry-After}: the database is down or not
     * yet open, and the page will work again without anyone doing anything.
     */
    static WebResponse unavailable(StoreUnavailableException e) {
        long seconds = e.retryAfterSeconds();
        String page = "<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\">"
                + "<title>Service unavailable - Sign up to Safety</title></head><body>"
                + "<h1>Service unavailable</h1><p>Sign up to Safety cannot reach its database just now. Nothing was"
                + " changed. Please try again in a minute.</p></body></html>\n";
        return new WebResponse(503, WebResponse.HTML, Map.of("Retry-After", Long.toString(seconds),
                "Cache-Control", "no-store"), page.getBytes(StandardCharsets.UTF_8));
    }

    private WebResponse notFound(String message) {
        return page("not-found", "Page not found", "", Map.of("message", Texts.html(message)), 404);
    }

    private WebResponse page(String name, String title, String script, Map<String, String> values) {
        return page(name, title, script, values, 200);
    }

    private WebResponse page(String name, String title, String script, Map<String, String> values, int status) {
        String body = fill(text("pages/" + name + ".html"), values);
        Map<String, String> layout = new LinkedHashMap<>();
        layout.put("title", Texts.html(title));
        layout.put("page", name);
        layout.put("script", script.isEmpty() ? "" : "<script type=\"module\" src=\"/assets/js/" + script
                + ".js\"></script>");
        layout.put("current-home", "home".equals(name) ? " aria-current=\"page\"" : "");
        layout.put("current-members", "members".equals(name) || "member".equals(name) ? " aria-current=\"page\"" : "");
        layout.put("current-workspace", "workspace".equals(name) ? " aria-current=\"page\"" : "");
        layout.put("main", body);
        return WebResponse.html(status, fill(text("layout.html"), layout));
    }

    private String text(String resource) {
        return templates.computeIfAbsent(resource, r -> {
            byte[] bytes = resources.apply(r);
            if (bytes == null) {
                throw new IllegalStateException("the bundle has no web/" + r);
            }
            return new String(bytes, StandardCharsets.UTF_8);
        });
    }

    /** Replaces each {@code {{name}}} by its value (already escaped by the caller); unknown names by nothing. */
    static String fill(String template, Map<String, String> values) {
        StringBuilder b = new StringBuilder(template.length() + 256);
        int i = 0;
        while (true) {
            int open = template.indexOf("{{", i);
            if (open < 0) {
                b.append(template, i, template.length());
                return b.toString();
            }
            int close = template.indexOf("}}", open);
            if (close < 0) {
                b.append(template, i, template.length());
                return b.toString();
            }
            b.append(template, i, open);
            b.append(values.getOrDefault(template.substring(open + 2, close), ""));
            i = close + 2;
        }
    }

    private WebResponse asset(String name) {
        if (!ASSET.matcher(name).matches() || name.contains("..")) {
            return notFound("There is no file at this address.");
        }
        WebResponse cached = assets.get(name);
        if (cached != null) {
            return cached;
        }
        WebResponse loaded = loadAsset(name);
        if (loaded.status() == 200) {
            // only files that exist are kept: a stream of made-up names cannot fill the memory
            assets.put(name, loaded);
        }
        return loaded;
    }

    private WebResponse loadAsset(String name) {
        byte[] bytes = resources.apply("assets/" + name);
        String type = TYPES.get(name.substring(name.lastIndexOf('.') + 1));
        if (bytes == null || type == null) {
            return notFound("There is no file at this address.");
        }
        return new WebResponse(200, type, Map.of("Cache-Control", "public, max-age=300",
                "ETag", "\"" + sha256(bytes).substring(0, 20) + "\""), bytes);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
