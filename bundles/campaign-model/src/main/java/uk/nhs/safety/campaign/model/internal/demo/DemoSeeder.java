package uk.nhs.safety.campaign.model.internal.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.nhs.safety.campaign.api.ImportResult;
import uk.nhs.safety.campaign.api.MeasureService;
import uk.nhs.safety.campaign.api.Measurement;
import uk.nhs.safety.campaign.api.MemberQuery;
import uk.nhs.safety.campaign.api.MemberService;
import uk.nhs.safety.campaign.api.PlanService;
import uk.nhs.safety.campaign.api.PledgeAction;
import uk.nhs.safety.campaign.api.PledgeService;
import uk.nhs.safety.campaign.api.SafetyPlan;
import uk.nhs.safety.campaign.model.internal.db.Database;
import uk.nhs.safety.campaign.model.internal.demo.DemoContent.DemoAction;
import uk.nhs.safety.campaign.model.internal.demo.DemoContent.DemoMember;

/**
 * Seeds demo data on the first start of an empty platform: every trust of the bundled ODS extract as a member,
 * and six of them with published plans, measurements and pledge actions ({@link DemoContent}). Seeding runs on the
 * component's own background thread once the store is up, so that activation does not wait for it; a platform that already has members
 * is never seeded, so a restart does not seed twice.
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
    private final DemoContent content;
    private final DemoHistory history;
    private final ExecutorService executor;

    @Activate
    public DemoSeeder(@Reference MemberService members, @Reference PlanService plans,
                      @Reference PledgeService pledges, @Reference MeasureService measures,
                      @Reference Database database, Config config) {
        this(members, plans, pledges, measures, config, new DemoContent(), DemoHistory.jdbc(database),
                database.ready(), Executors.newSingleThreadExecutor(r -> {
                    Thread t = new Thread(r, "safety-demo-seeder");
                    t.setDaemon(true);
                    return t;
                }));
    }

    /** For tests: a synchronous executor makes seeding happen before the constructor returns. */
    DemoSeeder(MemberService members, PlanService plans, PledgeService pledges, MeasureService measures,
               Config config, DemoContent content, DemoHistory history, ExecutorService executor) {
        this(members, plans, pledges, measures, config, content, history, CompletableFuture.completedFuture(null),
                executor);
    }

    /**
     * @param storeReady completes once the store is up: nothing is seeded before (never, when the store refuses an
     *                   empty database where this node has held data)
     */
    DemoSeeder(MemberService members, PlanService plans, PledgeService pledges, MeasureService measures,
               Config config, DemoContent content, DemoHistory history, CompletionStage<?> storeReady,
               ExecutorService executor) {
        this.members = members;
        this.plans = plans;
        this.pledges = pledges;
        this.measures = measures;
        this.content = content;
        this.history = history;
        this.executor = executor;
        if (config.enabled()) {
            // Last statement: every field is set before the seeding thread can see this object.
            storeReady.thenRunAsync(this::seedIfEmpty, executor);
        } else {
            LOG.info("Demo data disabled ({} enabled=false): not seeding", PID);
        }
    }

    @Deactivate
    void deactivate() {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("Demo seeding still running {} s after the component stopped", STOP_WAIT.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void seedIfEmpty() {
        try {
            if (members.list(new MemberQuery(null, null, null, null, 0, 1)).total() > 0) {
                LOG.info("Members already exist: demo data not seeded");
                return;
            }
            seed();
        } catch (RuntimeException e) {
            LOG.error("Seeding demo data failed", e);
        }
    }

    private void seed() {
        long started = System.nanoTime();
        ImportResult imported;
        try (Reader in = new InputStreamReader(extract(), StandardCharsets.UTF_8)) {
            imported = members.importOdsExtract(DemoContent.ACTOR, in, EXTRACT);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled " + EXTRACT, e);
        }
        int plansPublished = 0;
        int actions = 0;
        int values = 0;
        for (DemoMember member : content.members()) {
            if (Thread.currentThread().isInterrupted()) {
                LOG.warn("Demo seeding stopped part-way: {} of {} demo plans seeded", plansPublished,
                        content.members().size());
                return;
            }
            String ods = member.odsCode();
            SafetyPlan plan = plans.save(DemoContent.ACTOR, ods, member.plan(), null);
            plans.publish(DemoContent.ACTOR, ods, plan.version());
            plansPublished++;
            for (DemoAction a : member.actions()) {
                PledgeAction added = pledges.addAction(DemoContent.ACTOR, ods, a.action());
                if (a.publish()) {
                    pledges.publishAction(DemoContent.ACTOR, ods, added.id(), added.version());
                }
                actions++;
            }
            for (Map.Entry<String, List<Measurement>> series : member.measurements().entrySet()) {
                for (Measurement m : series.getValue()) {
                    measures.record(DemoContent.ACTOR, ods, series.getKey(), m.period(), m.value(), m.annotation());
                    values++;
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
    }

    private static InputStream extract() {
        InputStream in = DemoSeeder.class.getResourceAsStream(EXTRACT);
        if (in == null) {
            throw new IllegalStateException("the bundled ODS extract " + EXTRACT + " is missing");
        }
        return in;
    }
}
