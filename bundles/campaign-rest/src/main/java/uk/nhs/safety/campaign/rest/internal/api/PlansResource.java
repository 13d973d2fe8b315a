package uk.nhs.safety.campaign.rest.internal.api;

import java.io.IOException;

import uk.nhs.safety.campaign.api.MemberService;
import uk.nhs.safety.campaign.api.NotFoundException;
import uk.nhs.safety.campaign.api.PlanContent;
import uk.nhs.safety.campaign.api.PlanService;
import uk.nhs.safety.campaign.api.PlanVersion;
import uk.nhs.safety.campaign.api.SafetyPlan;
import uk.nhs.safety.campaign.rest.internal.http.ApiResponse;
import uk.nhs.safety.campaign.rest.internal.http.ETags;
import uk.nhs.safety.campaign.rest.internal.http.Router;

/**
 * {@code /members/{ods}/plan}: the plan (the working copy for the member's editors, the latest published version for
 * everyone else), saving and publishing it, its published versions and its driver diagram as the caller may see it.
 * The working copy's ETag is its lock version ({@code "7"}), a published version's its number ({@code "v3"}).
 */
final class PlansResource implements Resource {

    private final MemberService members;
    private final PlanService plans;

    PlansResource(MemberService members, PlanService plans) {
        this.members = members;
        this.plans = plans;
    }

    @Override
    public void addRoutes(Router.Builder<Endpoint> routes) {
        routes.add("GET", "/members/{ods}/plan", Endpoint.published(this::plan))
                .add("PUT", "/members/{ods}/plan", Endpoint.of(Access.EDITOR, this::save))
                .add("POST", "/members/{ods}/plan/publish", Endpoint.of(Access.EDITOR, this::publish))
                .add("GET", "/members/{ods}/plan/versions", Endpoint.published(this::versions))
                .add("GET", "/members/{ods}/plan/versions/{n}", Endpoint.published(this::version))
                .add("GET", "/members/{ods}/plan/diagram", Endpoint.published(this::diagram));
    }

    /** Editors get the working copy (a {@link SafetyPlan}, with its lock version); others core's latest published. */
    private ApiResponse plan(Call call) {
        String ods = call.ods();
        MembersResource.require(members, ods);
        if (call.mayEdit(ods)) {
            SafetyPlan plan = plans.plan(ods)
                    .orElseThrow(() -> new NotFoundException("member " + ods + " has no plan yet"));
            return ApiResponse.ok(plan).etag(Long.toString(plan.version()));
        }
        PlanVersion published = plans.latestPublished(ods)
                .orElseThrow(() -> new NotFoundException("member " + ods + " has not published a plan yet"));
        return ApiResponse.ok(published).etag("v" + published.number());
    }

    private ApiResponse save(Call call) throws IOException {
        String ods = call.ods();
        MembersResource.require(members, ods);
        ETags.PlanWrite write = ETags.planWrite(call.request().header("If-Match"),
                call.request().header("If-None-Match"));
        PlanContent content = call.body(PlanContent.class);
        SafetyPlan plan = plans.save(call.actor(), ods, content, write.expectedVersion());
        ApiResponse response = write.create()
                ? ApiResponse.created(plan, call.location("/members/" + ods + "/plan"))
                : ApiResponse.ok(plan);
        return response.etag(Long.toString(plan.version()));
    }

    private ApiResponse publish(Call call) {
        String ods = call.ods();
        MembersResource.require(members, ods);
        PlanVersion version = plans.publish(call.actor(), ods, call.ifMatch());
        return ApiResponse.created(version, call.location("/members/" + ods + "/plan/versions/" + version.number()))
                .etag("v" + version.number());
    }

    private ApiResponse versions(Call call) {
        String ods = call.ods();
        MembersResource.require(members, ods);
        return ApiResponse.ok(plans.versions(ods).stream().map(Views.VersionSummary::of).toList());
    }

    private ApiResponse version(Call call) {
        String ods = call.ods();
        long number = call.pathNumber("n", 1);
        MembersResource.require(members, ods);
        if (number > Integer.MAX_VALUE) {
            throw new NotFoundException("member " + ods + " has no published plan version " + number);
        }
        PlanVersion version = plans.version(ods, (int) number);
        return ApiResponse.ok(version).etag("v" + version.number()).caching(ApiResponse.Caching.IMMUTABLE);
    }

    private ApiResponse diagram(Call call) {
        String ods = call.ods();
        MembersResource.require(members, ods);
        PlanContent content = plans.visibleContent(ods, call.caller().access())
                .orElseThrow(() -> new NotFoundException("member " + ods + " has no plan to show"));
        return ApiResponse.ok(content.diagram());
    }
}
