package uk.nhs.safety.campaign.rest.internal.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.nhs.safety.campaign.rest.internal.http.FakeRequest;
import uk.nhs.safety.campaign.rest.internal.http.Json;
import uk.nhs.safety.campaign.rest.internal.http.Renderer;
import uk.nhs.safety.campaign.rest.internal.security.AuthenticationException;
import uk.nhs.safety.campaign.rest.internal.security.Authenticator;
import uk.nhs.safety.campaign.rest.internal.security.Caller;

/**
 * What the route tests of {@code /api/v1} share: the whole request pipeline (authentication with a fixed set of
 * callers, {@link CampaignApi}'s dispatch, rendering) over an in-memory campaign, with no servlet container.
 */
abstract class ApiTestSupport {

    static final Map<String, Caller> CALLERS = Map.of(
            "Basic admin", new Caller("alice", Set.of("admin")),
            "Basic operator", new Caller("olive", Set.of("operator")),
            "Basic editorRGT", new Caller("ed", Set.of("member-editor", "member:RGT")),
            "Basic editorRJZ", new Caller("jo", Set.of("member-editor", "member:RJZ")),
            "Bearer cqc", new Caller("partner:cqc", Set.of("partner", "partner:cqc")));

    final Authenticator authenticator = (authorization, remote) -> {
        if (authorization == null) {
            return Caller.ANONYMOUS;
        }
        if ("Basic locked".equals(authorization)) {
            throw new AuthenticationException(AuthenticationException.Reason.RATE_LIMITED, "too many failures", 120);
        }
        Caller caller = CALLERS.get(authorization);
        if (caller == null) {
            throw new AuthenticationException(AuthenticationException.Reason.BAD_CREDENTIALS, "wrong credentials", 0);
        }
        return caller;
    };

    final FakeCampaign campaign = new FakeCampaign();
    /** The partners whose bundle is installed now, as core's partner registry would say. */
    final Set<String> installed = new HashSet<>();
    final PartnerDirectory partners = new PartnerDirectory(installed::contains);
    final CampaignApi api = new CampaignApi(campaign.services(), partners, new Json(), () -> null);
    final RequestPipeline pipeline = new RequestPipeline(authenticator, new Json());
    final ObjectMapper mapper = new ObjectMapper();
    RestSettings settings = RestSettings.DEFAULTS;

    Renderer.Rendered send(FakeRequest request) {
        return pipeline.process(request, api, () -> settings);
    }

    static FakeRequest as(String who, String method, String path) {
        FakeRequest request = FakeRequest.of(method, path);
        return who == null ? request : request.header("Authorization", who);
    }

    JsonNode body(Renderer.Rendered rendered) throws IOException {
        return mapper.readTree(rendered.body());
    }

    String text(Renderer.Rendered rendered) {
        return new String(rendered.body(), StandardCharsets.UTF_8);
    }
}
