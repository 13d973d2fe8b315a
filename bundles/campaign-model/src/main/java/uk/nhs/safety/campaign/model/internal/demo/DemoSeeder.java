package uk.nhs.safety.campaign.model.internal.demo;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.nhs.safety.campaign.api.ImportResult;
import uk.nhs.safety.campaign.api.MeasureService;
import uk.nhs.safety.campaign.api.access.CallerAccess;
import uk.nhs.safety.campaign.api.pdsa.PdsaCycle;
import uk.nhs.safety.campaign.api.pdsa.PdsaCycleInput;
import uk.nhs.safety.campaign.api.pdsa.PdsaService;
import uk.nhs.safety.campaign.api.Measurement;
import uk.nhs.safety.campaign.api.MemberQuery;
import uk.nhs.safety.campaign.api.MemberService;
import uk.nhs.safety.campaign.api.NewAction;
import uk.nhs.safety.campaign.api.PlanStatus;
import uk.nhs.safety.campaign.api.PlanService;
import uk.nhs.safety.campaign.api.PledgeAction;
import uk.nhs.safety.campaign.api.PledgeService;
import uk.nhs.safety.campaign.api.SafetyPlan;
import uk.nhs.safety.campaign.api.cluster.LocalNode;
import uk.nhs.safety.campaign.model.internal.db.Database;
import uk.nhs.safety.campaign.model.internal.demo.DemoContent.DemoAction;
import uk.nhs.safety.campaign.model.internal.demo.DemoContent.DemoMember;

/**
 * Seeds demo data on the first start of an empty platform when the demo content is installed (feature
 * {@code safety-demo}: a bundle whose {@code Safety-Demo-Content} header names the folder of its files, read by
 * {@link DemoContent}): every trust of the bundled ODS extract as a member, and six of them with published plans,
 * measurements and pledge actions. Without that bundle (a production install) nothing is seeded. Seeding runs on the
 * component's own background thread once the store is up, so that activation does not wait for it.
 *
 * <p>Once per database, whatever the number of nodes: seeding is claimed in the database ({@link SeedLedger},
 * {@code demo_seed}) under a database lock held until it has finished, so nodes started together on an empty
 * database seed it once and the others log that it was seeded. A seeding that stopped part-way (the node was killed
 * or stopped) is resumed by the next start on any node: every step checks what is there first. A database that has
 * members but no claim (data of its own, or seeded before claims were recorded) is never seeded.
 */
@Component(configurationPid = DemoSeeder.PID)
@Designate(ocd = DemoSeeder.Config.class)
public final class DemoSeeder {

    public static final String PID = "uk.nhs.safety.campaign.demo";

    /** The bundled ODS extract, a copy of the real 2015 trust list. */
    static final String EXTRACT = "etr.csv";

    private static final Logger LOG = LoggerFactory.getLogger(DemoSeeder.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    /** Demo data settings. */
    @ObjectClassDefinition(name = "Sign up to Safety demo data",
            description = "Demonstration members, plans, measures and pledge actions")
    public @interface Config {
        @AttributeDefinition(name = "Enabled", description = "seed demo data on first start")
        boolean enabled() default true;
    }

    private final MemberService members;
    private final PlanService plans;
    private final PledgeService pledges;
    private final MeasureService measures;
    /** Records the demo plans' PDSA cycles; {@code null} in tests that do not need them. */
    private volatile PdsaService pdsa;
    private final DemoHistory history;
    private final SeedLedger ledger;
    private final String node;
    private final CompletionStage<?> storeReady;
    private final ExecutorService executor;
    private BundleTracker<Bundle> tracker;
    private volatile boolean stopping;

    /** Who the seeder reads as: it sees the working copies it seeds. */
    private static final CallerAccess SEEDER = new CallerAccess(DemoContent.ACTOR, Set.of(CallerAccess.ADMIN));

    /** The manifest header of a bundle of demo content: the folder its files are under. */
    public static final String HEADER = "Safety-Demo-Content";

    @Activate
    public DemoSeeder(@Reference MemberService members, @Reference PlanService plans,
                      @Reference PledgeService pledges, @Reference MeasureService measures,
                      @Reference Database database, @Reference LocalNode node, @Reference PdsaService pdsa,
                      BundleContext context, Config config) {
        this(members, plans, pledges, measures, config, DemoHistory.jdbc(database),
                SeedLedger.jdbc(database, Clock.systemUTC()), node.id(), database.ready(),
                Executors.newSingleThreadExecutor(r -> {
                    Thread t = new Thread(r, "safety-demo-seeder");
                    t.setDaemon(true);
                    return t;
                }));
        this.pdsa = pdsa;
        if (config.enabled()) {
            tracker = new BundleTracker<>(context, Bundle.ACTIVE, new BundleTrackerCustomizer<Bundle>() {
                @Override
                public Bundle addingBundle(Bundle bundle, BundleEvent event) {
                    String folder = bundle.getHeaders("").get(HEADER);
                    if (folder == null) {
                        return null;
                    }
                    contentInstalled(bundle, folder.strip());
                    return bundle;
                }

                @Override
                public void modifiedBundle(Bundle bundle, BundleEvent event, Bundle object) {
                    // nothing: the content was read when the bundle started
                }

                @Override
                public void removedBundle(Bundle bundle, BundleEvent event, Bundle object) {
                    // nothing: seeded data stays when the demo content goes
                }
            });
            tracker.open();
        }
    }

    /** For tests: a synchronous executor makes seeding happen before the constructor returns. */
    DemoSeeder(MemberService members, PlanService plans, PledgeService pledges, MeasureService measures,
               Config config, DemoContent content, DemoHistory history, SeedLedger ledger, ExecutorService executor) {
        this(members, plans, pledges, measures, config, content, history, ledger, "test-node",
                CompletableFuture.completedFuture(null), executor);
    }

    /**
     * For tests: the content given, as if its bundle had started.
     *
     * @param storeReady completes once the store is up: nothing is seeded before (never, when the store refuses an
     *                   empty database where this node has held data)
     */
    DemoSeeder(MemberService members, PlanService plans, PledgeService pledges, MeasureService measures,
               Config config, DemoContent content, DemoHistory history, SeedLedger ledger, String node,
               CompletionStage<?> storeReady, ExecutorService executor) {
        this(members, plans, pledges, measures, config, history, ledger, node, storeReady, executor);
        if (config.enabled()) {
            seedWhenReady(() -> content);
        }
    }

    private DemoSeeder(MemberService members, PlanService plans, PledgeService pledges, MeasureService measures,
                       Config config, DemoHistory history, SeedLedger ledger, String node,
                       CompletionStage<?> storeReady, ExecutorService executor) {
        this.members = members;
        this.plans = plans;
        this.pledges = pledges;
        this.measures = measures;
        this.history = history;
        this.ledger = ledger;
        this.node = node;
        this.storeReady = storeReady;
        this.executor = executor;
        if (!config.enabled()) {
            LOG.info("Demo data disabled ({} enabled=false): not seeding", PID);
        }
    }

    /** For tests: records the demo plans' PDSA cycles through this service. */
    void pdsa(PdsaService service) {
        this.pdsa = service;
    }

    /** Reads the content only when there is something to seed: a restart does not parse it on the start's thread. */
    private void contentInstalled(Bundle bundle, String folder) {
        LOG.info("Demo content found in bundle {}", bundle.getSymbolicName());
        seedWhenReady(() -> {
            try {
                return DemoContent.read(path -> {
                    URL entry = bundle.getEntry(path);
                    return entry == null ? null : entry.openStream();
                }, folder);
            } catch (RuntimeException e) {
                LOG.error("Demo content of bundle {} cannot be read, nothing seeded: {}", bundle.getSymbolicName(),
                        e.getMessage(), e);
                return null;
            }
        });
    }

    /** @param content the content, read when seeding is due; null when it cannot be read (already logged) */
    private void seedWhenReady(Supplier<DemoContent> content) {
        storeReady.thenRunAsync(() -> seedOnce(content), executor);
    }

    @Deactivate
    void deactivate() {
        if (tracker != null) {
            tracker.close();
        }
        // No interrupt: a thread interrupted while H2 writes through its FileChannel closes the channel, and with it
        // the database for every other user of the store. The seeding stops between two members instead.
        stopping = true;
        executor.shutdown();
        try {
            if (!executor.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("Demo seeding still running {} s after the component stopped", STOP_WAIT.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void seedOnce(Supplier<DemoContent> read) {
        try {
            ledger.exclusively(() -> {
                Optional<SeedLedger.Claim> claim = ledger.claim();
                if (claim.isPresent() && claim.get().finishedAt().isPresent()) {
                    LOG.info("Demo data already seeded by node {} (finished {})", claim.get().node(),
                            claim.get().finishedAt().get());
                    return null;
                }
                if (claim.isEmpty() && members.list(new MemberQuery(null, null, null, null, 0, 1)).total() > 0) {
                    LOG.info("Members already exist: demo data not seeded");
                    return null;
                }
                DemoContent content = read.get();
                if (content == null) {
                    return null;
                }
                if (claim.isPresent()) {
                    LOG.info("Demo seeding by node {} (started {}) stopped part-way: resuming it", claim.get().node(),
                            claim.get().startedAt());
                } else {
                    ledger.start(node);
                }
                if (seed(content)) {
                    ledger.finish();
                }
                return null;
            });
        } catch (RuntimeException e) {
            LOG.error("Seeding demo data failed", e);
        }
    }

    /**
     * Seeds, or completes a seeding that stopped part-way: each step is skipped when its result is there already.
     *
     * @return whether it finished (false: the component is stopping)
     */
    private boolean seed(DemoContent content) {
        long started = System.nanoTime();
        ImportResult imported;
        try (Reader in = new InputStreamReader(content.extract(), StandardCharsets.UTF_8)) {
            imported = members.importOdsExtract(DemoContent.ACTOR, in, EXTRACT);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled " + EXTRACT, e);
        }
        int plansPublished = 0;
        int actions = 0;
        int values = 0;
        for (DemoMember member : content.members()) {
            if (stopping) {
                LOG.warn("Demo seeding stopped part-way: {} of {} demo plans seeded; the next start resumes it",
                        plansPublished, content.members().size());
                return false;
            }
            String ods = member.odsCode();
            Optional<SafetyPlan> existing = plans.plan(ods);
            SafetyPlan plan = existing.isPresent() ? existing.get()
                    : plans.save(DemoContent.ACTOR, ods, member.plan(), null);
            if (plan.status() != PlanStatus.PUBLISHED) {
                plans.publish(DemoContent.ACTOR, ods, plan.version());
            }
            plansPublished++;
            List<PledgeAction> present = pledges.actions(ods, false);
            for (DemoAction a : member.actions()) {
                NewAction wanted = a.action();
                PledgeAction added = present.stream()
                        .filter(p -> p.pledge() == wanted.pledge() && p.text().equals(wanted.text()))
                        .findFirst()
                        .orElseGet(() -> pledges.addAction(DemoContent.ACTOR, ods, wanted));
                if (a.publish() && !added.published()) {
                    pledges.publishAction(DemoContent.ACTOR, ods, added.id(), added.version());
                }
                actions++;
            }
            for (Map.Entry<String, List<Measurement>> series : member.measurements().entrySet()) {
                for (Measurement m : series.getValue()) {
                    measures.record(DemoContent.ACTOR, ods, series.getKey(), m.period(), m.value(), m.denominator(),
                            m.annotation());
                    values++;
                }
            }
            PdsaService cycles = pdsa;
            if (cycles != null && !member.pdsaCycles().isEmpty()) {
                // a resumed seeding skips the cycles already recorded (same change idea and plan)
                List<PdsaCycle> recorded = cycles.cycles(ods, SEEDER);
                for (PdsaCycleInput cycle : member.pdsaCycles()) {
                    if (recorded.stream().noneMatch(r -> r.changeIdea().equals(cycle.changeIdea())
                            && r.content().plan().equals(cycle.plan()))) {
                        cycles.add(DemoContent.ACTOR, ods, cycle);
                    }
                }
            }
        }
        List<String> codes = new ArrayList<>();
        members.list(MemberQuery.all()).items().forEach(m -> codes.add(m.odsCode()));
        List<String> demoCodes = content.members().stream().map(DemoMember::odsCode).toList();
        Map<String, Instant> published = new LinkedHashMap<>();
        for (int i = 0; i < demoCodes.size(); i++) {
            // The demo plans were published through 2015, one a month from March.
            published.put(demoCodes.get(i), LocalDate.of(2015, 3 + i, 16).atTime(10, 0).toInstant(ZoneOffset.UTC));
        }
        history.apply(DemoHistory.joinDates(codes, demoCodes), published);
        LOG.info("Seeded demo data: {} members imported, {} plans published, {} pledge actions, {} measurements"
                        + " in {} ms", imported.added(), plansPublished, actions, values,
                (System.nanoTime() - started) / 1_000_000);
        return true;
    }
}
