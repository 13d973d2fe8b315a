package uk.nhs.safety.campaign.rest.internal.api;

import java.io.IOException;

import uk.nhs.safety.campaign.api.MemberService;
import uk.nhs.safety.campaign.api.NewAction;
import uk.nhs.safety.campaign.api.PledgeAction;
import uk.nhs.safety.campaign.api.PledgeService;
import uk.nhs.safety.campaign.rest.internal.http.ApiResponse;
import uk.nhs.safety.campaign.rest.internal.http.Router;

/**
 * {@code /members/{ods}/pledges} (the pledge page at a glance) and {@code /members/{ods}/actions} (list, add,
 * update, publish). Which actions a caller sees is core's draft rule ({@link PledgeService#visibleActions}).
 */
final class ActionsResource implements Resource {

    private final MemberService members;
    private final PledgeService pledges;

    ActionsResource(MemberService members, PledgeService pledges) {
        this.members = members;
        this.pledges = pledges;
    }

    @Override
    public void addRoutes(Router.Builder<Endpoint> routes) {
        routes.add("GET", "/members/{ods}/pledges", Endpoint.published(this::pledgePage))
                .add("GET", "/members/{ods}/actions", Endpoint.published(this::actions))
                .add("POST", "/members/{ods}/actions", Endpoint.of(Access.EDITOR, this::addAction))
                .add("PUT", "/members/{ods}/actions/{id}", Endpoint.of(Access.EDITOR, this::updateAction))
                .add("POST", "/members/{ods}/actions/{id}/publish", Endpoint.of(Access.EDITOR, this::publishAction));
    }

    private ApiResponse pledgePage(Call call) {
        String ods = call.ods();
        MembersResource.require(members, ods);
        return ApiResponse.ok(Views.PledgePageView.of(pledges.summary(ods), call.mayEdit(ods)));
    }

    /** {@code ?published=true} asks for the published actions only, whoever asks. */
    private ApiResponse actions(Call call) {
        String ods = call.ods();
        boolean publishedOnly = call.queryBoolean("published", false);
        MembersResource.require(members, ods);
        return ApiResponse.ok(publishedOnly ? pledges.actions(ods, true)
                : pledges.visibleActions(ods, call.caller().access()));
    }

    private ApiResponse addAction(Call call) throws IOException {
        String ods = call.ods();
        MembersResource.require(members, ods);
        PledgeAction action = pledges.addAction(call.actor(), ods, call.body(NewAction.class));
        return ApiResponse.created(action, null).etag(Long.toString(action.version()));
    }

    private ApiResponse updateAction(Call call) throws IOException {
        String ods = call.ods();
        long id = call.pathNumber("id", 1);
        MembersResource.require(members, ods);
        long expected = call.ifMatch();
        PledgeAction action = pledges.updateAction(call.actor(), ods, id, call.body(NewAction.class), expected);
        return ApiResponse.ok(action).etag(Long.toString(action.version()));
    }

    private ApiResponse publishAction(Call call) {
        String ods = call.ods();
        long id = call.pathNumber("id", 1);
        MembersResource.require(members, ods);
        PledgeAction action = pledges.publishAction(call.actor(), ods, id, call.ifMatch());
        return ApiResponse.ok(action).etag(Long.toString(action.version()));
    }
}
