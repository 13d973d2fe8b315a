package uk.nhs.safety.campaign.rest.internal.api;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import uk.nhs.safety.campaign.api.partner.PartnerRoutes;
import uk.nhs.safety.campaign.api.partner.RouteAccess;
import uk.nhs.safety.campaign.rest.internal.http.ApiRequest;
import uk.nhs.safety.campaign.rest.internal.http.ApiResponse;
import uk.nhs.safety.campaign.rest.internal.http.Json;
import uk.nhs.safety.campaign.rest.internal.http.Problem;
import uk.nhs.safety.campaign.rest.internal.http.ProblemException;
import uk.nhs.safety.campaign.rest.internal.http.ProblemMapper;
import uk.nhs.safety.campaign.rest.internal.http.Router;
import uk.nhs.safety.campaign.rest.internal.security.Caller;

/**
 * {@code /api/v1}: the composition of its resources ({@link CatalogueResource}, {@link MembersResource},
 * {@link ActionsResource}, {@link PlansResource}, {@link MeasuresResource}, {@link IconsResource},
 * {@link PdsaResource}, {@link AuditResource}, {@link PartnersResource}) into one router, and the dispatch every call
 * goes through: route it, decide access by the route's {@link Access} rule (a partner's routes declare their own) and
 * refuse with a 401 or 403 problem, answer anonymous reads of published content from the {@link PublishedCache}, and
 * drop a member's cached answers when a call changes it. Thread-safe (stateless apart from the cache).
 */
public final class CampaignApi implements Dispatcher {

    private final PartnerDirectory partnerRoutes;
    private final Json json;
    private final Router<Endpoint> router;
    private final PublishedCache cache;

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
        this.partnerRoutes = partnerRoutes;
        this.json = json;
        List<Resource> resources = List.of(
                new CatalogueResource(services.plans(), openApi),
                new MembersResource(services.members()),
                new ActionsResource(services.members(), services.pledges()),
                new PlansResource(services.members(), services.plans()),
                new MeasuresResource(services.members(), services.measures(), services.pdsa()),
                new IconsResource(services.measures()),
                new PdsaResource(services.members(), services.pdsa()),
                new AuditResource(services.members(), services.audit()),
                new PartnersResource(services.partners(), partnerRoutes, services.installer()));
        Router.Builder<Endpoint> routes = Router.builder();
        resources.forEach(r -> r.addRoutes(routes));
        this.router = routes.build();
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
                                Consumer<String> matched) throws IOException {
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
}
