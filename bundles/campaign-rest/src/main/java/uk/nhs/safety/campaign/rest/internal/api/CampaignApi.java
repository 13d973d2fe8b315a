package uk.nhs.safety.campaign.rest.internal.api;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

import uk.nhs.safety.campaign.api.FocusArea;
import uk.nhs.safety.campaign.api.Measure;
import uk.nhs.safety.campaign.api.MeasureProgress;
import uk.nhs.safety.campaign.api.Measurement;
import uk.nhs.safety.campaign.api.Member;
import uk.nhs.safety.campaign.api.MemberQuery;
import uk.nhs.safety.campaign.api.MemberStatus;
import uk.nhs.safety.campaign.api.NewAction;
import uk.nhs.safety.campaign.api.NewMember;
import uk.nhs.safety.campaign.api.NotFoundException;
import uk.nhs.safety.campaign.api.OrganisationType;
import uk.nhs.safety.campaign.api.Page;
import uk.nhs.safety.campaign.api.PlanContent;
import uk.nhs.safety.campaign.api.PlanVersion;
import uk.nhs.safety.campaign.api.Pledge;
import uk.nhs.safety.campaign.api.PledgeAction;
import uk.nhs.safety.campaign.api.SafetyPlan;
import uk.nhs.safety.campaign.api.ValidationException;
import uk.nhs.safety.campaign.api.Violation;
import uk.nhs.safety.campaign.api.partner.PartnerProblem;
import uk.nhs.safety.campaign.api.partner.PartnerRequest;
import uk.nhs.safety.campaign.api.partner.PartnerResponse;
import uk.nhs.safety.campaign.api.partner.PartnerRoutes;
import uk.nhs.safety.campaign.api.partner.RouteAccess;
import uk.nhs.safety.campaign.api.pdsa.PdsaCycle;
import uk.nhs.safety.campaign.api.pdsa.PdsaCycleInput;
import uk.nhs.safety.campaign.rest.internal.http.ApiRequest;
import uk.nhs.safety.campaign.rest.internal.http.ApiResponse;
import uk.nhs.safety.campaign.rest.internal.http.Bodies;
import uk.nhs.safety.campaign.rest.internal.http.ETags;
import uk.nhs.safety.campaign.rest.internal.http.Json;
import uk.nhs.safety.campaign.rest.internal.http.MediaTypes;
import uk.nhs.safety.campaign.rest.internal.http.Paging;
import uk.nhs.safety.campaign.rest.internal.http.Problem;
import uk.nhs.safety.campaign.rest.internal.http.ProblemException;
import uk.nhs.safety.campaign.rest.internal.http.ProblemMapper;
import uk.nhs.safety.campaign.rest.internal.http.Router;
import uk.nhs.safety.campaign.rest.internal.security.Caller;

/**
 * The routes of {@code /api/v1} and their handlers. Each route names who may call it ({@link Access}); handlers hide
 * drafts from callers who may not edit the member: they see published actions, the latest published plan version
 * and the measures of that version only. Thread-safe (stateless apart from the services).
 */
public final class CampaignApi implements Dispatcher {

    /**
     * A route's rule and handler; {@code published}: what it answers anonymous callers is published content, kept in
     * the {@link PublishedCache} until a change to it.
     */
    public record Endpoint(Access access, Handler handler, boolean published) {
        public Endpoint(Access access, Handler handler) {
            this(access, handler, false);
        }
    }

    /** Answers one routed, authorised call. */
    @FunctionalInterface
    public interface Handler {
        ApiResponse handle(Call call) throws IOException;
    }

    /** How long a client waits before asking a partner that is changing again. */
    static final int CHANGING_RETRY_SECONDS = 1;

    private final CampaignServices services;
    private final PartnerDirectory partnerRoutes;
    private final Json json;
    private final Supplier<byte[]> openApi;
    private final Router<Endpoint> router;
    private final PublishedCache cache;
    private final IconsApi icons;

    /**
     * Without a cache: every read goes to the services.
     *
     * @param openApi the OpenAPI document's bytes, or {@code null} when the bundle has none
     */
    public CampaignApi(CampaignServices services, PartnerDirectory partnerRoutes, Json json,
                       Supplier<byte[]> openApi) {
        this(services, partnerRoutes, json, openApi, null);
    }

    /**
     * @param openApi the OpenAPI document's bytes, or {@code null} when the bundle has none
     * @param cache   where anonymous reads of published content are kept, or {@code null} for none
     */
    public CampaignApi(CampaignServices services, PartnerDirectory partnerRoutes, Json json,
                       Supplier<byte[]> openApi, PublishedCache cache) {
        this.cache = cache;
        this.services = services;
        this.partnerRoutes = partnerRoutes;
        this.json = json;
        this.openApi = openApi;
        this.icons = new IconsApi(services.measures());
        this.router = routes();
    }

    private Router<Endpoint> routes() {
        return Router.<Endpoint>builder()
                .add("GET", "/openapi.json", new Endpoint(Access.ANYONE, this::openApi))
                .add("GET", "/pledges", new Endpoint(Access.ANYONE, c -> ApiResponse.ok(
                        Arrays.stream(Pledge.values()).map(Views.PledgeView::of).toList())))
                .add("GET", "/focus-areas", new Endpoint(Access.ANYONE,
                        c -> ApiResponse.ok(services.plans().focusAreas())))
                .add("POST", "/focus-areas", new Endpoint(Access.ADMIN, this::addFocusArea))
                .add("GET", "/summary", new Endpoint(Access.ANYONE, this::summary, true))
                .add("GET", "/members", new Endpoint(Access.ANYONE, this::listMembers, true))
                .add("POST", "/members", new Endpoint(Access.OPERATOR, this::join))
                .add("POST", "/members/import", new Endpoint(Access.OPERATOR, this::importMembers))
                .add("GET", "/members/{ods}", new Endpoint(Access.ANYONE, this::member, true))
                .add("POST", "/members/{ods}/withdraw", new Endpoint(Access.OPERATOR, this::withdraw))
                .add("GET", "/members/{ods}/pledges", new Endpoint(Access.ANYONE, this::pledgePage, true))
                .add("GET", "/members/{ods}/actions", new Endpoint(Access.ANYONE, this::actions, true))
                .add("POST", "/members/{ods}/actions", new Endpoint(Access.EDITOR, this::addAction))
                .add("PUT", "/members/{ods}/actions/{id}", new Endpoint(Access.EDITOR, this::updateAction))
                .add("POST", "/members/{ods}/actions/{id}/publish", new Endpoint(Access.EDITOR, this::publishAction))
                .add("GET", "/members/{ods}/plan", new Endpoint(Access.ANYONE, this::plan, true))
                .add("PUT", "/members/{ods}/plan", new Endpoint(Access.EDITOR, this::savePlan))
                .add("POST", "/members/{ods}/plan/publish", new Endpoint(Access.EDITOR, this::publishPlan))
                .add("GET", "/members/{ods}/plan/versions", new Endpoint(Access.ANYONE, this::versions, true))
                .add("GET", "/members/{ods}/plan/versions/{n}", new Endpoint(Access.ANYONE, this::version, true))
                .add("GET", "/members/{ods}/plan/diagram", new Endpoint(Access.ANYONE, this::diagram, true))
                .add("GET", "/members/{ods}/measures", new Endpoint(Access.ANYONE, this::measures, true))
                .add("GET", "/members/{ods}/measures/{key}", new Endpoint(Access.ANYONE, this::progress, true))
                .add("GET", "/members/{ods}/icons", new Endpoint(Access.ANYONE, icons::member, true))
                .add("GET", "/members/{ods}/icons.csv", new Endpoint(Access.ANYONE, icons::memberCsv, true))
                .add("GET", "/icons", new Endpoint(Access.ANYONE, icons::national, true))
                .add("GET", "/icons.csv", new Endpoint(Access.ANYONE, icons::nationalCsv, true))
                .add("POST", "/members/{ods}/measures/{key}/measurements",
                        new Endpoint(Access.EDITOR, this::recordMeasurement))
                .add("PUT", "/members/{ods}/measures/{key}/annotations/{period}",
                        new Endpoint(Access.EDITOR, this::annotate))
                .add("DELETE", "/members/{ods}/measures/{key}/annotations/{period}",
                        new Endpoint(Access.EDITOR, this::deleteAnnotation))
                .add("GET", "/members/{ods}/pdsa-cycles", new Endpoint(Access.ANYONE, this::pdsaCycles, true))
                .add("POST", "/members/{ods}/pdsa-cycles", new Endpoint(Access.EDITOR, this::addPdsaCycle))
                .add("PUT", "/members/{ods}/pdsa-cycles/{idea}/{n}", new Endpoint(Access.EDITOR, this::updatePdsaCycle))
                .add("GET", "/members/{ods}/audit", new Endpoint(Access.AUDITOR, this::audit))
                .add("GET", "/partners", new Endpoint(Access.OPERATOR,
                        c -> ApiResponse.ok(services.partners().partners())))
                .add("*", "/partners/{id}/{rest...}", new Endpoint(Access.PARTNER, this::partner))
                .add("POST", "/admin/partners/install", new Endpoint(Access.ADMIN, this::installPartner))
                .add("POST", "/admin/partners/uninstall", new Endpoint(Access.ADMIN, this::uninstallPartner))
                .build();
    }

    /** Every route as {@code METHOD template}. */
    public List<String> describe() {
        return router.describe();
    }

    /** Whether a caller may make a request: routes it (404/405 as {@link ProblemException}) and checks its rule. */
    public Access.Decision authorise(String method, String path, Caller caller) {
        Router.Match<Endpoint> match = router.match(method, path);
        return access(match, method).check(caller, match.params());
    }

    /**
     * The rule of a matched route. A partner's routes say themselves which of their paths are public or open to any
     * authenticated caller; everything else, and every path of a partner that is not installed, is the partner's.
     * While a partner changes (its routes gone for a moment) anyone gets its 503.
     */
    private Access access(Router.Match<Endpoint> match, String method) {
        Access rule = match.handler().access();
        if (rule != Access.PARTNER) {
            return rule;
        }
        String path = "/" + match.params().get("rest");
        String id = match.params().get("id");
        Optional<PartnerRoutes> routes = partnerRoutes.find(id);
        if (routes.isEmpty() && partnerRoutes.changing(id)) {
            // Its routes (and what they would let through) are unknown for a moment: everyone gets the 503.
            return Access.ANYONE;
        }
        RouteAccess declared = routes.map(r -> r.access(method, path)).orElse(RouteAccess.PARTNER);
        return declared == null ? Access.PARTNER : switch (declared) {
            case PUBLIC -> Access.ANYONE;
            case AUTHENTICATED -> Access.AUTHENTICATED;
            case PARTNER -> Access.PARTNER;
        };
    }

    @Override
    public ApiResponse dispatch(ApiRequest request, Caller caller, RestSettings settings) throws IOException {
        return dispatch(request, caller, settings, template -> { });
    }

    /**
     * {@link #dispatch(ApiRequest, Caller, RestSettings)}, telling {@code matched} the template of the route (before
     * authorising and calling it; not called when no route matches), so that the metrics need not route again.
     */
    public ApiResponse dispatch(ApiRequest request, Caller caller, RestSettings settings,
                                java.util.function.Consumer<String> matched) throws IOException {
        Router.Match<Endpoint> match = router.match(request.method(), request.path());
        matched.accept(match.template());
        switch (access(match, request.method()).check(caller, match.params())) {
            case UNAUTHENTICATED -> {
                ProblemException e = new ProblemException(Problem.Kind.UNAUTHORIZED,
                        "this request needs a user (HTTP Basic) or a partner token (Bearer)");
                for (var h : ProblemMapper.challenges().entrySet()) {
                    e = e.withHeader(h.getKey(), h.getValue());
                }
                throw e;
            }
            case FORBIDDEN -> throw new ProblemException(Problem.Kind.FORBIDDEN,
                    caller.name() + " may not " + request.method() + " " + request.fullPath());
            case ALLOW -> {
                // go on
            }
        }
        Call call = new Call(request, caller, match.params(), settings, json);
        Endpoint endpoint = match.handler();
        if (cache == null) {
            return endpoint.handler().handle(call);
        }
        if ("GET".equals(request.method())) {
            return endpoint.published() && caller.anonymous() ? published(call, endpoint)
                    : endpoint.handler().handle(call);
        }
        if ("HEAD".equals(request.method()) || "OPTIONS".equals(request.method())) {
            // reads too: they change nothing, so they drop nothing
            return endpoint.handler().handle(call);
        }
        try {
            return endpoint.handler().handle(call);
        } finally {
            // Dropped on this node before the answer leaves, so that the caller's next read sees its change; other
            // nodes hear of it through the event log.
            if (match.params().containsKey("ods")) {
                cache.changed(match.params().get("ods").trim().toUpperCase(Locale.ROOT));
            } else if (match.template().startsWith("/members")) {
                cache.changed(null);
            }
        }
    }

    /** An anonymous read of published content, through the cache: only successful answers (JSON or bytes) are kept. */
    private ApiResponse published(Call call, Endpoint endpoint) throws IOException {
        ApiRequest request = call.request();
        String key = request.path() + (request.query().isEmpty() ? "" : "?" + request.query());
        Optional<PublishedCache.Entry> hit = cache.get(key);
        if (hit.isPresent()) {
            return hit.get().response();
        }
        long readIn = cache.generation();
        ApiResponse fresh = endpoint.handler().handle(call);
        if (fresh.status() != 200 || fresh.raw() == null && fresh.entity() == null) {
            return fresh;
        }
        String member = call.params().containsKey("ods") ? call.ods() : null;
        byte[] body = fresh.raw() != null ? fresh.raw() : json.write(fresh.entity());
        return cache.put(key, member, body, fresh, readIn).response();
    }

    // --- catalogue ---------------------------------------------------------------------------------------------------

    private ApiResponse openApi(Call call) {
        byte[] document = openApi.get();
        if (document == null) {
            throw new ProblemException(Problem.Kind.NOT_FOUND, "this build carries no OpenAPI document");
        }
        return ApiResponse.bytes(200, MediaTypes.JSON_UTF8, document);
    }

    private ApiResponse addFocusArea(Call call) throws IOException {
        FocusArea area = call.body(FocusArea.class);
        return ApiResponse.created(services.plans().addFocusArea(call.actor(), area), null);
    }

    // --- the campaign at a glance ----------------------------------------------------------------------------------

    /** Members signed up by month and the published plans, for the national dashboard (core's aggregate). */
    private ApiResponse summary(Call call) {
        return ApiResponse.ok(Views.CampaignSummary.of(java.time.Instant.now(), services.members().summary()));
    }

    // --- members -----------------------------------------------------------------------------------------------------

    private ApiResponse listMembers(Call call) {
        ApiRequest request = call.request();
        OrganisationType type = blank(request.param("type")) ? null : OrganisationType.parse(request.param("type"));
        MemberStatus status = blank(request.param("status")) ? null : memberStatus(request.param("status"));
        int offset = call.queryInt("offset", 0, 0, Integer.MAX_VALUE);
        int limit = call.queryInt("limit", Paging.DEFAULT_LIMIT, 1, Paging.MAX_LIMIT);
        Page<Member> page = services.members().list(new MemberQuery(type, emptyToNull(request.param("region")),
                status, emptyToNull(request.param("q")), offset, limit));
        ApiResponse response = ApiResponse.ok(Views.PageView.members(page));
        String link = Paging.linkHeader(request.fullPath(), request.query(), offset, limit, page.total());
        return link == null ? response : response.header("Link", link);
    }

    private static MemberStatus memberStatus(String text) {
        try {
            return MemberStatus.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.field(Problem.Kind.VALIDATION, "status", text, "must be active or withdrawn");
        }
    }

    private ApiResponse join(Call call) throws IOException {
        Member member = services.members().join(call.actor(), call.body(NewMember.class));
        return ApiResponse.created(Views.MemberView.of(member), call.location("/members/" + member.odsCode()))
                .etag(Long.toString(member.version()));
    }

    private ApiResponse importMembers(Call call) throws IOException {
        String name = blank(call.request().param("name")) ? "upload.csv" : call.request().param("name").trim();
        String csv = call.csvBody();
        return ApiResponse.ok(services.members().importOdsExtract(call.actor(), new StringReader(csv), name));
    }

    private ApiResponse member(Call call) {
        Member member = requireMember(call.ods());
        return ApiResponse.ok(Views.MemberView.of(member)).etag(Long.toString(member.version()));
    }

    private ApiResponse withdraw(Call call) {
        String ods = call.ods();
        requireMember(ods);
        Member member = services.members().withdraw(call.actor(), ods, call.ifMatch());
        return ApiResponse.ok(Views.MemberView.of(member)).etag(Long.toString(member.version()));
    }

    // --- pledges and actions -----------------------------------------------------------------------------------------

    private ApiResponse pledgePage(Call call) {
        String ods = call.ods();
        requireMember(ods);
        return ApiResponse.ok(Views.PledgePageView.of(services.pledges().summary(ods), call.mayEdit(ods)));
    }

    private ApiResponse actions(Call call) {
        String ods = call.ods();
        boolean publishedOnly = call.queryBoolean("published", false) || !call.mayEdit(ods);
        requireMember(ods);
        return ApiResponse.ok(services.pledges().actions(ods, publishedOnly));
    }

    private ApiResponse addAction(Call call) throws IOException {
        String ods = call.ods();
        requireMember(ods);
        PledgeAction action = services.pledges().addAction(call.actor(), ods, call.body(NewAction.class));
        return ApiResponse.created(action, null).etag(Long.toString(action.version()));
    }

    private ApiResponse updateAction(Call call) throws IOException {
        String ods = call.ods();
        long id = call.pathNumber("id", 1);
        requireMember(ods);
        long expected = call.ifMatch();
        PledgeAction action = services.pledges().updateAction(call.actor(), ods, id, call.body(NewAction.class),
                expected);
        return ApiResponse.ok(action).etag(Long.toString(action.version()));
    }

    private ApiResponse publishAction(Call call) {
        String ods = call.ods();
        long id = call.pathNumber("id", 1);
        requireMember(ods);
        PledgeAction action = services.pledges().publishAction(call.actor(), ods, id, call.ifMatch());
        return ApiResponse.ok(action).etag(Long.toString(action.version()));
    }

    // --- plans -------------------------------------------------------------------------------------------------------

    private ApiResponse plan(Call call) {
        String ods = call.ods();
        requireMember(ods);
        if (call.mayEdit(ods)) {
            SafetyPlan plan = services.plans().plan(ods)
                    .orElseThrow(() -> new NotFoundException("member " + ods + " has no plan yet"));
            return ApiResponse.ok(plan).etag(Long.toString(plan.version()));
        }
        PlanVersion published = latestPublished(ods)
                .orElseThrow(() -> new NotFoundException("member " + ods + " has not published a plan yet"));
        return ApiResponse.ok(published).etag("v" + published.number());
    }

    private ApiResponse savePlan(Call call) throws IOException {
        String ods = call.ods();
        requireMember(ods);
        ETags.PlanWrite write = ETags.planWrite(call.request().header("If-Match"),
                call.request().header("If-None-Match"));
        PlanContent content = call.body(PlanContent.class);
        SafetyPlan plan = services.plans().save(call.actor(), ods, content, write.expectedVersion());
        ApiResponse response = write.create()
                ? ApiResponse.created(plan, call.location("/members/" + ods + "/plan"))
                : ApiResponse.ok(plan);
        return response.etag(Long.toString(plan.version()));
    }

    private ApiResponse publishPlan(Call call) {
        String ods = call.ods();
        requireMember(ods);
        PlanVersion version = services.plans().publish(call.actor(), ods, call.ifMatch());
        return ApiResponse.created(version, call.location("/members/" + ods + "/plan/versions/" + version.number()))
                .etag("v" + version.number());
    }

    private ApiResponse versions(Call call) {
        String ods = call.ods();
        requireMember(ods);
        return ApiResponse.ok(services.plans().versions(ods).stream().map(Views.VersionSummary::of).toList());
    }

    private ApiResponse version(Call call) {
        String ods = call.ods();
        long number = call.pathNumber("n", 1);
        requireMember(ods);
        if (number > Integer.MAX_VALUE) {
            throw new NotFoundException("member " + ods + " has no published plan version " + number);
        }
        PlanVersion version = services.plans().version(ods, (int) number);
        return ApiResponse.ok(version).etag("v" + version.number()).caching(ApiResponse.Caching.IMMUTABLE);
    }

    private ApiResponse diagram(Call call) {
        String ods = call.ods();
        requireMember(ods);
        PlanContent content = visibleContent(call, ods)
                .orElseThrow(() -> new NotFoundException("member " + ods + " has no plan to show"));
        return ApiResponse.ok(content.diagram());
    }

    // --- measures ----------------------------------------------------------------------------------------------------

    private ApiResponse measures(Call call) {
        String ods = call.ods();
        requireMember(ods);
        Optional<PlanContent> content = visibleContent(call, ods);
        List<Views.MeasureSummary> summaries = content.map(PlanContent::measures).orElse(List.of()).stream()
                .map(m -> {
                    MeasureProgress p = progressOf(call, ods, m);
                    return Views.MeasureSummary.of(p.measure(), p.spc());
                })
                .toList();
        return ApiResponse.ok(summaries);
    }

    private ApiResponse progress(Call call) {
        String ods = call.ods();
        requireMember(ods);
        String key = call.params().get("key");
        MeasureProgress progress = services.measures().progress(ods, key, call.caller().access());
        return ApiResponse.ok(new Views.ChartView(progress.odsCode(), progress.measure(), progress.spc(),
                services.pdsa().chartNotes(ods, key, call.caller().access())));
    }

    private ApiResponse annotate(Call call) throws IOException {
        String ods = call.ods();
        requireMember(ods);
        LocalDate period = pathPeriod(call);
        Views.AnnotationInput input = call.body(Views.AnnotationInput.class);
        if (input.text() == null || input.text().isBlank()) {
            throw new ValidationException(Violation.of("text", input.text(),
                    "is required; to delete an annotation send DELETE"));
        }
        return ApiResponse.ok(services.pdsa().annotate(call.actor(), ods, call.params().get("key"), period,
                input.text()));
    }

    private ApiResponse deleteAnnotation(Call call) {
        String ods = call.ods();
        requireMember(ods);
        services.pdsa().annotate(call.actor(), ods, call.params().get("key"), pathPeriod(call), null);
        return ApiResponse.json(204, null);
    }

    private static LocalDate pathPeriod(Call call) {
        List<Violation> problems = new java.util.ArrayList<>();
        LocalDate period = period(call.params().get("period"), problems);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return period;
    }

    // --- PDSA cycles -------------------------------------------------------------------------------------------------

    private ApiResponse pdsaCycles(Call call) {
        String ods = call.ods();
        requireMember(ods);
        return ApiResponse.ok(services.pdsa().cycles(ods, call.caller().access()));
    }

    private ApiResponse addPdsaCycle(Call call) throws IOException {
        String ods = call.ods();
        requireMember(ods);
        PdsaCycle cycle = services.pdsa().add(call.actor(), ods, call.body(PdsaCycleInput.class));
        return ApiResponse.created(cycle, call.location("/members/" + ods + "/pdsa-cycles/" + cycle.changeIdea() + "/"
                + cycle.number())).etag(Long.toString(cycle.version()));
    }

    private ApiResponse updatePdsaCycle(Call call) throws IOException {
        String ods = call.ods();
        long number = call.pathNumber("n", 1);
        requireMember(ods);
        long expected = call.ifMatch();
        if (number > Integer.MAX_VALUE) {
            throw new NotFoundException("member " + ods + " has no PDSA cycle " + number);
        }
        PdsaCycle cycle = services.pdsa().update(call.actor(), ods, call.params().get("idea"), (int) number,
                call.body(PdsaCycleInput.class), expected);
        return ApiResponse.ok(cycle).etag(Long.toString(cycle.version()));
    }

    private ApiResponse recordMeasurement(Call call) throws IOException {
        String ods = call.ods();
        String key = call.params().get("key");
        requireMember(ods);
        Views.MeasurementInput input = call.body(Views.MeasurementInput.class);
        List<Violation> problems = new java.util.ArrayList<>();
        LocalDate period = period(input.period(), problems);
        if (input.value() == null) {
            problems.add(Violation.of("value", null, "is required"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        Measurement recorded = services.measures().record(call.actor(), ods, key, period, input.value(),
                input.denominator(), input.annotation());
        return ApiResponse.created(recorded, null);
    }

    /** A period as {@code yyyy-mm-dd}, or {@code yyyy-mm} for the first of the month. */
    static LocalDate period(String text, List<Violation> problems) {
        if (text == null || text.isBlank()) {
            problems.add(Violation.of("period", text, "is required, as yyyy-mm-dd or yyyy-mm"));
            return null;
        }
        try {
            return text.trim().length() == 7 ? YearMonth.parse(text.trim()).atDay(1) : LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            problems.add(Violation.of("period", text, "must be a date as yyyy-mm-dd or a month as yyyy-mm"));
            return null;
        }
    }

    /** The measure as core lets this caller see it (drafts for the member's editors only), analysed by core. */
    private MeasureProgress progressOf(Call call, String ods, Measure measure) {
        return services.measures().progress(ods, measure.key(), call.caller().access());
    }

    // --- partner installs (admins; the checks are core's, as for safety:partner-install) -----------------------------

    private ApiResponse installPartner(Call call) throws IOException {
        Views.PartnerInstallRequest body = call.body(Views.PartnerInstallRequest.class);
        return ApiResponse.ok(Views.PartnerChangeView.of(services.installer().install(body.repositoryUrl(),
                body.feature(), Boolean.TRUE.equals(body.force()), call.actor())));
    }

    private ApiResponse uninstallPartner(Call call) throws IOException {
        Views.PartnerUninstallRequest body = call.body(Views.PartnerUninstallRequest.class);
        return ApiResponse.ok(Views.PartnerChangeView.of(services.installer().uninstall(body.feature(),
                Boolean.TRUE.equals(body.force()), call.actor())));
    }

    // --- audit -------------------------------------------------------------------------------------------------------

    private ApiResponse audit(Call call) {
        String ods = call.ods();
        int limit = call.queryInt("limit", Paging.DEFAULT_LIMIT, 1, Paging.MAX_LIMIT);
        requireMember(ods);
        return ApiResponse.ok(services.audit().trail(ods, limit));
    }

    // --- partners ----------------------------------------------------------------------------------------------------

    private ApiResponse partner(Call call) throws IOException {
        String id = call.params().get("id");
        PartnerRoutes routes = partnerRoutes.find(id).orElseThrow(() -> partnerRoutes.changing(id)
                ? new ProblemException(Problem.Kind.UNAVAILABLE, "partner '" + id + "' is being installed, updated or"
                + " restarted just now; try again in " + CHANGING_RETRY_SECONDS + " s")
                .withHeader("Retry-After", Integer.toString(CHANGING_RETRY_SECONDS))
                : new NotFoundException("no partner routes are installed for '" + id + "'"));
        ApiRequest request = call.request();
        String contentType = request.header("Content-Type");
        long limit = MediaTypes.CSV.equals(MediaTypes.essence(contentType)) ? call.settings().maxCsvBytes()
                : call.settings().maxJsonBytes();
        byte[] body = Bodies.read(request, null, limit);
        PartnerRequest partnerRequest = new PartnerRequest(request.method(), "/" + call.params().get("rest"),
                request.query(), body.length == 0 ? null : contentType, body, call.caller().name(),
                call.caller().roles());
        PartnerResponse answer;
        try {
            answer = routes.handle(partnerRequest);
        } catch (PartnerProblem refused) {
            return partnerProblem(refused, request.fullPath());
        }
        if (answer == null) {
            throw new IllegalStateException("partner routes '" + id + "' answered null to " + request.method() + " "
                    + partnerRequest.path());
        }
        ApiResponse response = ApiResponse.bytes(answer.status(), answer.contentType(), answer.body());
        answer.headers().forEach(response::header);
        if (response.header(PartnerResponse.CACHE_CONTROL) != null) {
            response.caching(ApiResponse.Caching.OWN);   // kept for anonymous reads only (Renderer)
        }
        return response;
    }

    /** A partner's refusal as a problem like core's own: the kind of its status, or a plain one of that status. */
    private static ApiResponse partnerProblem(PartnerProblem refused, String instance) {
        Problem problem = Arrays.stream(Problem.Kind.values()).filter(k -> k.status() == refused.status())
                .findFirst().map(kind -> Problem.of(kind, refused.getMessage(), instance))
                .orElseGet(() -> new Problem("about:blank", refused.status() == 503 ? "Service unavailable"
                        : "Request refused", refused.status(), refused.getMessage(), instance, null));
        ApiResponse response = ApiResponse.problem(problem);
        refused.headers().forEach(response::header);
        return response;
    }

    // --- helpers -----------------------------------------------------------------------------------------------------

    private Member requireMember(String ods) {
        return services.members().find(ods)
                .orElseThrow(() -> new NotFoundException("no member has ODS code " + ods));
    }

    private Optional<PlanVersion> latestPublished(String ods) {
        return services.plans().latestPublished(ods);
    }

    /** The plan content the caller may see (core's draft rule). */
    private Optional<PlanContent> visibleContent(Call call, String ods) {
        return services.plans().visibleContent(ods, call.caller().access());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String emptyToNull(String s) {
        return blank(s) ? null : s.trim();
    }
}
