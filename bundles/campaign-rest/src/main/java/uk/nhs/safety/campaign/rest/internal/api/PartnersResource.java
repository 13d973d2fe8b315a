package uk.nhs.safety.campaign.rest.internal.api;

import java.io.IOException;
import java.util.Arrays;

import uk.nhs.safety.campaign.api.NotFoundException;
import uk.nhs.safety.campaign.api.deploy.PartnerInstaller;
import uk.nhs.safety.campaign.api.partner.PartnerProblem;
import uk.nhs.safety.campaign.api.partner.PartnerRegistry;
import uk.nhs.safety.campaign.api.partner.PartnerRequest;
import uk.nhs.safety.campaign.api.partner.PartnerResponse;
import uk.nhs.safety.campaign.api.partner.PartnerRoutes;
import uk.nhs.safety.campaign.rest.internal.http.ApiRequest;
import uk.nhs.safety.campaign.rest.internal.http.ApiResponse;
import uk.nhs.safety.campaign.rest.internal.http.Bodies;
import uk.nhs.safety.campaign.rest.internal.http.MediaTypes;
import uk.nhs.safety.campaign.rest.internal.http.Problem;
import uk.nhs.safety.campaign.rest.internal.http.ProblemException;
import uk.nhs.safety.campaign.rest.internal.http.Router;

/**
 * {@code /partners} (the registry), {@code /partners/{id}/...} (handed to the partner's own {@link PartnerRoutes},
 * whose declared access {@link CampaignApi} applies first) and {@code /admin/partners/install|uninstall} (admins; the
 * checks are core's, as for {@code safety:partner-install}).
 */
final class PartnersResource implements Resource {

    /** How long a client waits before asking a partner that is changing again. */
    static final int CHANGING_RETRY_SECONDS = 1;

    private final PartnerRegistry registry;
    private final PartnerDirectory partnerRoutes;
    private final PartnerInstaller installer;

    PartnersResource(PartnerRegistry registry, PartnerDirectory partnerRoutes, PartnerInstaller installer) {
        this.registry = registry;
        this.partnerRoutes = partnerRoutes;
        this.installer = installer;
    }

    @Override
    public void addRoutes(Router.Builder<Endpoint> routes) {
        routes.add("GET", "/partners", Endpoint.of(Access.OPERATOR, c -> ApiResponse.ok(registry.partners())))
                .add("*", "/partners/{id}/{rest...}", Endpoint.of(Access.PARTNER, this::partner))
                .add("POST", "/admin/partners/install", Endpoint.of(Access.ADMIN, this::install))
                .add("POST", "/admin/partners/uninstall", Endpoint.of(Access.ADMIN, this::uninstall));
    }

    private ApiResponse install(Call call) throws IOException {
        Views.PartnerInstallRequest body = call.body(Views.PartnerInstallRequest.class);
        return ApiResponse.ok(Views.PartnerChangeView.of(installer.install(body.repositoryUrl(),
                body.feature(), Boolean.TRUE.equals(body.force()), call.actor())));
    }

    private ApiResponse uninstall(Call call) throws IOException {
        Views.PartnerUninstallRequest body = call.body(Views.PartnerUninstallRequest.class);
        return ApiResponse.ok(Views.PartnerChangeView.of(installer.uninstall(body.feature(),
                Boolean.TRUE.equals(body.force()), call.actor())));
    }

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
}
