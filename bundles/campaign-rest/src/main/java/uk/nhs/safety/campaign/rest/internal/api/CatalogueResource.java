package uk.nhs.safety.campaign.rest.internal.api;

import java.io.IOException;
import java.util.Arrays;
import java.util.function.Supplier;

import uk.nhs.safety.campaign.api.FocusArea;
import uk.nhs.safety.campaign.api.PlanService;
import uk.nhs.safety.campaign.api.Pledge;
import uk.nhs.safety.campaign.rest.internal.http.ApiResponse;
import uk.nhs.safety.campaign.rest.internal.http.MediaTypes;
import uk.nhs.safety.campaign.rest.internal.http.Problem;
import uk.nhs.safety.campaign.rest.internal.http.ProblemException;
import uk.nhs.safety.campaign.rest.internal.http.Router;

/** {@code /openapi.json}, {@code /pledges} and {@code /focus-areas}: what the API and the campaign offer. */
final class CatalogueResource implements Resource {

    private final PlanService plans;
    private final Supplier<byte[]> openApi;

    /** @param openApi the OpenAPI document's bytes, or {@code null} when the bundle has none */
    CatalogueResource(PlanService plans, Supplier<byte[]> openApi) {
        this.plans = plans;
        this.openApi = openApi;
    }

    @Override
    public void addRoutes(Router.Builder<Endpoint> routes) {
        routes.add("GET", "/openapi.json", Endpoint.of(Access.ANYONE, this::openApi))
                .add("GET", "/pledges", Endpoint.of(Access.ANYONE, c -> ApiResponse.ok(
                        Arrays.stream(Pledge.values()).map(Views.PledgeView::of).toList())))
                .add("GET", "/focus-areas", Endpoint.of(Access.ANYONE, c -> ApiResponse.ok(plans.focusAreas())))
                .add("POST", "/focus-areas", Endpoint.of(Access.ADMIN, this::addFocusArea));
    }

    private ApiResponse openApi(Call call) {
        byte[] document = openApi.get();
        if (document == null) {
            throw new ProblemException(Problem.Kind.NOT_FOUND, "this build carries no OpenAPI document");
        }
        return ApiResponse.bytes(200, MediaTypes.JSON_UTF8, document);
    }

    private ApiResponse addFocusArea(Call call) throws IOException {
        FocusArea area = call.body(FocusArea.class);
        return ApiResponse.created(plans.addFocusArea(call.actor(), area), null);
    }
}
