package uk.nhs.safety.campaign.rest.internal.api;

import uk.nhs.safety.campaign.api.AuditService;
import uk.nhs.safety.campaign.api.MemberService;
import uk.nhs.safety.campaign.rest.internal.http.ApiResponse;
import uk.nhs.safety.campaign.rest.internal.http.Paging;
import uk.nhs.safety.campaign.rest.internal.http.Router;

/**
 * {@code /members/{ods}/audit}: the member's audit trail, newest first, for admins, operators and its editors;
 * {@code /audit}: the campaign-wide entries (partner installs, upgrades and removals, focus areas, API tokens), for
 * admins and operators.
 */
final class AuditResource implements Resource {

    private final MemberService members;
    private final AuditService audit;

    AuditResource(MemberService members, AuditService audit) {
        this.members = members;
        this.audit = audit;
    }

    @Override
    public void addRoutes(Router.Builder<Endpoint> routes) {
        routes.add("GET", "/members/{ods}/audit", Endpoint.of(Access.AUDITOR, this::trail));
        routes.add("GET", "/audit", Endpoint.of(Access.OPERATOR, this::campaignTrail));
    }

    private ApiResponse campaignTrail(Call call) {
        return ApiResponse.ok(audit.trail(null, call.queryInt("limit", Paging.DEFAULT_LIMIT, 1, Paging.MAX_LIMIT)));
    }

    private ApiResponse trail(Call call) {
        String ods = call.ods();
        int limit = call.queryInt("limit", Paging.DEFAULT_LIMIT, 1, Paging.MAX_LIMIT);
        MembersResource.require(members, ods);
        return ApiResponse.ok(audit.trail(ods, limit));
    }
}
