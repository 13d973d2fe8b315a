package uk.nhs.safety.campaign.rest.internal.api;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.Locale;

import uk.nhs.safety.campaign.api.Member;
import uk.nhs.safety.campaign.api.MemberQuery;
import uk.nhs.safety.campaign.api.MemberService;
import uk.nhs.safety.campaign.api.MemberStatus;
import uk.nhs.safety.campaign.api.NewMember;
import uk.nhs.safety.campaign.api.NotFoundException;
import uk.nhs.safety.campaign.api.OrganisationType;
import uk.nhs.safety.campaign.api.Page;
import uk.nhs.safety.campaign.rest.internal.http.ApiRequest;
import uk.nhs.safety.campaign.rest.internal.http.ApiResponse;
import uk.nhs.safety.campaign.rest.internal.http.Paging;
import uk.nhs.safety.campaign.rest.internal.http.Problem;
import uk.nhs.safety.campaign.rest.internal.http.ProblemException;
import uk.nhs.safety.campaign.rest.internal.http.Router;

/**
 * {@code /members} (list, join, import, read, withdraw) and {@code /summary}, the campaign at a glance for the
 * national dashboard.
 */
final class MembersResource implements Resource {

    private final MemberService members;

    MembersResource(MemberService members) {
        this.members = members;
    }

    @Override
    public void addRoutes(Router.Builder<Endpoint> routes) {
        routes.add("GET", "/summary", Endpoint.published(this::summary))
                .add("GET", "/members", Endpoint.published(this::list))
                .add("POST", "/members", Endpoint.of(Access.OPERATOR, this::join))
                .add("POST", "/members/import", Endpoint.of(Access.OPERATOR, this::importMembers))
                .add("GET", "/members/{ods}", Endpoint.published(this::member))
                .add("POST", "/members/{ods}/withdraw", Endpoint.of(Access.OPERATOR, this::withdraw));
    }

    /** The member with this ODS code, or the 404 that every member-scoped route answers for an unknown one. */
    static Member require(MemberService members, String ods) {
        return members.find(ods).orElseThrow(() -> new NotFoundException("no member has ODS code " + ods));
    }

    /** Members signed up by month and the published plans, for the national dashboard (core's aggregate). */
    private ApiResponse summary(Call call) {
        return ApiResponse.ok(Views.CampaignSummary.of(Instant.now(), members.summary()));
    }

    private ApiResponse list(Call call) {
        ApiRequest request = call.request();
        OrganisationType type = blank(request.param("type")) ? null : OrganisationType.parse(request.param("type"));
        MemberStatus status = blank(request.param("status")) ? null : memberStatus(request.param("status"));
        int offset = call.queryInt("offset", 0, 0, Integer.MAX_VALUE);
        int limit = call.queryInt("limit", Paging.DEFAULT_LIMIT, 1, Paging.MAX_LIMIT);
        Page<Member> page = members.list(new MemberQuery(type, emptyToNull(request.param("region")),
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
        Member member = members.join(call.actor(), call.body(NewMember.class));
        return ApiResponse.created(Views.MemberView.of(member), call.location("/members/" + member.odsCode()))
                .etag(Long.toString(member.version()));
    }

    private ApiResponse importMembers(Call call) throws IOException {
        String name = blank(call.request().param("name")) ? "upload.csv" : call.request().param("name").trim();
        String csv = call.csvBody();
        return ApiResponse.ok(members.importOdsExtract(call.actor(), new StringReader(csv), name));
    }

    private ApiResponse member(Call call) {
        Member member = require(members, call.ods());
        return ApiResponse.ok(Views.MemberView.of(member)).etag(Long.toString(member.version()));
    }

    private ApiResponse withdraw(Call call) {
        String ods = call.ods();
        require(members, ods);
        Member member = members.withdraw(call.actor(), ods, call.ifMatch());
        return ApiResponse.ok(Views.MemberView.of(member)).etag(Long.toString(member.version()));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String emptyToNull(String s) {
        return blank(s) ? null : s.trim();
    }
}
