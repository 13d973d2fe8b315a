package uk.nhs.safety.campaign.rest.internal.api;

import java.io.IOException;

import uk.nhs.safety.campaign.api.MemberService;
import uk.nhs.safety.campaign.api.NotFoundException;
import uk.nhs.safety.campaign.api.pdsa.PdsaCycle;
import uk.nhs.safety.campaign.api.pdsa.PdsaCycleInput;
import uk.nhs.safety.campaign.api.pdsa.PdsaService;
import uk.nhs.safety.campaign.rest.internal.http.ApiResponse;
import uk.nhs.safety.campaign.rest.internal.http.Router;

/**
 * {@code /members/{ods}/pdsa-cycles}: the member's PDSA cycles as the caller may see them (core's rule), adding one
 * and updating one ({@code /{idea}/{n}}, with {@code If-Match}).
 */
final class PdsaResource implements Resource {

    private final MemberService members;
    private final PdsaService pdsa;

    PdsaResource(MemberService members, PdsaService pdsa) {
        this.members = members;
        this.pdsa = pdsa;
    }

    @Override
    public void addRoutes(Router.Builder<Endpoint> routes) {
        routes.add("GET", "/members/{ods}/pdsa-cycles", Endpoint.published(this::cycles))
                .add("POST", "/members/{ods}/pdsa-cycles", Endpoint.of(Access.EDITOR, this::add))
                .add("PUT", "/members/{ods}/pdsa-cycles/{idea}/{n}", Endpoint.of(Access.EDITOR, this::update));
    }

    private ApiResponse cycles(Call call) {
        String ods = call.ods();
        MembersResource.require(members, ods);
        return ApiResponse.ok(pdsa.cycles(ods, call.caller().access()));
    }

    private ApiResponse add(Call call) throws IOException {
        String ods = call.ods();
        MembersResource.require(members, ods);
        PdsaCycle cycle = pdsa.add(call.actor(), ods, call.body(PdsaCycleInput.class));
        return ApiResponse.created(cycle, call.location("/members/" + ods + "/pdsa-cycles/" + cycle.changeIdea() + "/"
                + cycle.number())).etag(Long.toString(cycle.version()));
    }

    private ApiResponse update(Call call) throws IOException {
        String ods = call.ods();
        long number = call.pathNumber("n", 1);
        MembersResource.require(members, ods);
        long expected = call.ifMatch();
        if (number > Integer.MAX_VALUE) {
            throw new NotFoundException("member " + ods + " has no PDSA cycle " + number);
        }
        PdsaCycle cycle = pdsa.update(call.actor(), ods, call.params().get("idea"), (int) number,
                call.body(PdsaCycleInput.class), expected);
        return ApiResponse.ok(cycle).etag(Long.toString(cycle.version()));
    }
}
