package uk.nhs.safety.campaign.rest.internal.api;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.nhs.safety.campaign.api.MemberQuery;
import uk.nhs.safety.campaign.api.MemberService;
import uk.nhs.safety.campaign.api.StoreUnavailableException;
import uk.nhs.safety.campaign.api.cluster.Cluster;
import uk.nhs.safety.campaign.api.cluster.ClusterNode;
import uk.nhs.safety.campaign.api.cluster.LocalNode;
import uk.nhs.safety.campaign.api.partner.PartnerRegistry;
import uk.nhs.safety.campaign.rest.internal.http.ApiRequest;
import uk.nhs.safety.campaign.rest.internal.http.ApiResponse;
import uk.nhs.safety.campaign.rest.internal.http.Router;
import uk.nhs.safety.campaign.rest.internal.security.Caller;

/**
 * Readiness at {@code /api/health}: the database answers and its migrations are done (core registers its services
 * only once the store has migrated, so a missing member service means not ready), with each partner's own health.
 * 200 when UP, 503 when DOWN; a partner's state alone never makes the platform DOWN (a partner whose bundle is
 * installed but whose integration failed to start is listed {@code FAILED} with the reason). Never cached.
 *
 * <p>It also names this node ({@code node}) and lists every node sharing the database ({@code nodes}: id, version,
 * start, last heartbeat, state, partners and their health) as they record themselves; another node's state never
 * changes this node's status (the load balancer asks each node about itself).
 */
public final class HealthCheck implements Dispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(HealthCheck.class);
    private static final String UP = "UP";
    private static final String DOWN = "DOWN";
    /** How the store's refusal to serve before it has opened begins (campaign-model's Database). */
    private static final String NOT_OPEN = "the campaign store is not available";

    /**
     * The health document; {@code reason} says why it is DOWN ({@code null} when UP); {@code node} is this node's id
     * and {@code nodes} the nodes sharing the database (empty while it cannot be read).
     */
    public record Health(String status, String reason, Check database, Check migrations,
                         List<PartnerStatus> partners, String node, List<NodeStatus> nodes) {
    }

    /** A node as it last recorded itself. */
    public record NodeStatus(String id, String version, Instant startedAt, Instant lastSeen, String state,
                             List<NodePartnerStatus> partners) {
    }

    /** A partner installed on a node, with its version and health there. */
    public record NodePartnerStatus(String id, String version, String status) {
    }

    /** One check's state. */
    public record Check(String status) {
    }

    /**
     * A partner's state as it reports it ({@code UP}, {@code DEGRADED}, {@code DOWN}), or {@code FAILED} when its
     * bundle is installed but its integration is not running; {@code detail} says why ({@code null} when up).
     */
    public record PartnerStatus(String id, String status, String detail) {
    }

    private final Supplier<MemberService> members;
    private final Supplier<PartnerRegistry> partners;
    private final Supplier<LocalNode> node;
    private final Supplier<Cluster> cluster;
    private final Router<Boolean> router = Router.<Boolean>builder().add("GET", "/", Boolean.TRUE).build();

    /** Both suppliers may answer {@code null} while core is not (or no longer) running. */
    public HealthCheck(Supplier<MemberService> members, Supplier<PartnerRegistry> partners) {
        this(members, partners, () -> null, () -> null);
    }

    /** Every supplier may answer {@code null} while core is not (or no longer) running. */
    public HealthCheck(Supplier<MemberService> members, Supplier<PartnerRegistry> partners,
                       Supplier<LocalNode> node, Supplier<Cluster> cluster) {
        this.members = members;
        this.partners = partners;
        this.node = node;
        this.cluster = cluster;
    }

    @Override
    public ApiResponse dispatch(ApiRequest request, Caller caller, RestSettings settings) {
        router.match(request.method(), request.path());
        Health health = health();
        return ApiResponse.json(UP.equals(health.status()) ? 200 : 503, health)
                .caching(ApiResponse.Caching.NO_STORE);
    }

    public Health health() {
        MemberService memberService = members.get();
        String database;
        String migrations;
        String reason;
        if (memberService == null) {
            database = DOWN;
            migrations = DOWN;
            reason = "the campaign services are not running";
        } else {
            // The store migrates before it serves; the probe shows whether it is up and the database answers.
            reason = probe(memberService);
            migrations = reason != null && reason.startsWith(NOT_OPEN) ? DOWN : UP;
            database = reason == null ? UP : DOWN;
        }
        PartnerRegistry registry = partners.get();
        List<PartnerStatus> partnerStates = registry == null ? List.of() : registry.partners().stream()
                .map(p -> new PartnerStatus(p.id(), p.health().status().name(), p.health().detail()))
                .toList();
        String status = UP.equals(database) && UP.equals(migrations) ? UP : DOWN;
        LocalNode local = node.get();
        return new Health(status, reason, new Check(database), new Check(migrations), partnerStates,
                local == null ? null : local.id(), nodes(UP.equals(database)));
    }

    /** The cluster's nodes, or none while the store cannot be read. */
    private List<NodeStatus> nodes(boolean storeUp) {
        Cluster c = cluster.get();
        if (c == null || !storeUp) {
            return List.of();
        }
        try {
            return c.nodes().stream().map(HealthCheck::status).toList();
        } catch (RuntimeException e) {
            LOG.debug("health: cannot list the cluster's nodes: {}", e.getMessage());
            return List.of();
        }
    }

    private static NodeStatus status(ClusterNode n) {
        return new NodeStatus(n.id(), n.version(), n.startedAt(), n.lastSeen(), n.state().name(),
                n.partners().stream().map(p -> new NodePartnerStatus(p.id(), p.version(),
                        p.health().status().name())).toList());
    }

    /** {@code null} when the store answers, otherwise why not. */
    private static String probe(MemberService memberService) {
        try {
            memberService.list(new MemberQuery(null, null, null, null, 0, 1));
            return null;
        } catch (StoreUnavailableException e) {
            // Expected while the database is down; the store itself logs each change of state once.
            LOG.debug("health: the store is unavailable: {}", e.getMessage());
            return e.getMessage();
        } catch (RuntimeException e) {
            LOG.warn("health: the database does not answer: {}", e.getMessage(), e);
            return e.getMessage();
        }
    }
}
