package uk.nhs.safety.campaign.model.internal.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import uk.nhs.safety.campaign.api.NewMember;
import uk.nhs.safety.campaign.api.OrganisationType;
import uk.nhs.safety.campaign.api.PlanStatus;
import uk.nhs.safety.campaign.api.PledgeAction;
import uk.nhs.safety.campaign.model.internal.demo.DemoContent.DemoMember;

class DemoSeederTest {

    private final FakeMemberService members = new FakeMemberService();
    private final FakePlanService plans = new FakePlanService(members);
    private final FakePledgeService pledges = new FakePledgeService();
    private final FakeMeasureService measures = new FakeMeasureService(plans);
    private final List<DemoMember> demo = DemoContent.fromClassPath().members();

    private final InMemorySeedLedger ledger = new InMemorySeedLedger();
    private final List<Map<String, LocalDate>> joinedCalls = new ArrayList<>();
    private final List<Map<String, Instant>> publishedCalls = new ArrayList<>();
    private final DemoHistory history = (joined, published) -> {
        joinedCalls.add(joined);
        publishedCalls.add(published);
    };

    private DemoSeeder seeder(boolean enabled, DirectExecutorService executor) {
        return new DemoSeeder(members, plans, pledges, measures, config(enabled), DemoContent.fromClassPath(), history, ledger,
                executor);
    }

    private static DemoSeeder.Config config(boolean enabled) {
        return new DemoSeeder.Config() {
            @Override
            public boolean enabled() {
                return enabled;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return DemoSeeder.Config.class;
            }
        };
    }

    private static long bundledRows() throws IOException {
        try (InputStream in = DemoContent.fromClassPath().extract()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).count();
        }
    }

    @Test
    void seedsEveryTrustAndTheDemoPlansWhenEmpty() throws IOException {
        seeder(true, new DirectExecutorService());

        assertThat(members.importCalls).containsExactly("system:demo etr.csv");
        assertThat(members.members).hasSize((int) bundledRows());
        assertThat(members.members.values()).allMatch(m -> m.demo());
        for (DemoMember m : demo) {
            assertThat(plans.plan(m.odsCode())).hasValueSatisfying(p -> {
                assertThat(p.status()).isEqualTo(PlanStatus.PUBLISHED);
                assertThat(p.updatedBy()).isEqualTo("system:demo");
                assertThat(p.content()).isEqualTo(m.plan());
            });
            assertThat(plans.versions(m.odsCode())).hasSize(1);
            assertThat(pledges.summary(m.odsCode()).pagePublished()).as(m.odsCode()).isTrue();
            assertThat(pledges.actions(m.odsCode(), false)).hasSize(m.actions().size());
            assertThat(pledges.actions(m.odsCode(), false)).filteredOn(a -> !a.published()).isNotEmpty();
            m.measurements().forEach((key, values) ->
                    assertThat(measures.measurements(m.odsCode(), key)).as(key).isEqualTo(values));
        }
        assertThat(plans.plans).hasSize(demo.size());
    }

    @Test
    void seedsNothingUntilTheStoreIsUpAndNeverWhileItIsRefused() {
        java.util.concurrent.CompletableFuture<Void> storeReady = new java.util.concurrent.CompletableFuture<>();
        new DemoSeeder(members, plans, pledges, measures, config(true), DemoContent.fromClassPath(), history, ledger,
                "test-node", storeReady, new DirectExecutorService());

        assertThat(members.importCalls).as("store not up (unreachable or refused)").isEmpty();

        storeReady.complete(null);

        assertThat(members.importCalls).containsExactly("system:demo etr.csv");
        assertThat(plans.plans).hasSize(demo.size());
    }

    @Test
    void seedsOnlyOnceAcrossRestarts() {
        seeder(true, new DirectExecutorService()).deactivate();
        int saves = plans.saveCalls;
        int actions = pledges.actions.size();

        seeder(true, new DirectExecutorService());

        assertThat(members.importCalls).hasSize(1);
        assertThat(plans.saveCalls).isEqualTo(saves).isEqualTo(demo.size());
        assertThat(pledges.actions).hasSize(actions);
    }

    @Test
    void doesNothingWhenMembersExist() {
        members.join("admin", new NewMember("RGT", "CAMBRIDGE UNIVERSITY HOSPITALS NHS FOUNDATION TRUST",
                OrganisationType.ACUTE, "East of England", "CB2 0QQ", LocalDate.of(2014, 6, 24)));

        seeder(true, new DirectExecutorService());

        assertThat(members.importCalls).isEmpty();
        assertThat(members.members).hasSize(1);
        assertThat(plans.saveCalls).isZero();
        assertThat(pledges.actions).isEmpty();
        assertThat(measures.values).isEmpty();
    }

    @Test
    void doesNothingWhenDisabled() {
        seeder(false, new DirectExecutorService());

        assertThat(members.listCalls).isZero();
        assertThat(members.importCalls).isEmpty();
        assertThat(plans.saveCalls).isZero();
        assertThat(pledges.actions).isEmpty();
    }

    @Test
    void survivesAFailedSeedingWithoutFailingActivation() {
        plans.failOnSave = new IllegalStateException("database unavailable");

        seeder(true, new DirectExecutorService());

        assertThat(members.importCalls).hasSize(1);
        assertThat(plans.saveCalls).isEqualTo(1);
        assertThat(pledges.actions).extracting(PledgeAction::id).isEmpty();
    }

    @Test
    void resumesASeedingThatStoppedPartWayWithoutDoingAnyStepTwice() {
        // The first node stops after importing the members (here: its plan service fails, as a crash would leave it).
        plans.failOnSave = new IllegalStateException("node killed");
        seeder(true, new DirectExecutorService());
        assertThat(ledger.claim()).hasValueSatisfying(c -> assertThat(c.finishedAt()).isEmpty());

        plans.failOnSave = null;
        seeder(true, new DirectExecutorService());

        assertThat(ledger.claim()).hasValueSatisfying(c -> assertThat(c.finishedAt()).isPresent());
        assertThat(plans.plans).hasSize(demo.size());
        for (DemoMember m : demo) {
            assertThat(plans.versions(m.odsCode())).hasSize(1);
            assertThat(pledges.actions(m.odsCode(), false)).hasSize(m.actions().size());
        }
        assertThat(joinedCalls).hasSize(1);
        // a third start finds it finished
        seeder(true, new DirectExecutorService());
        assertThat(members.importCalls).hasSize(2);
    }

    @Test
    void resumesAfterAStopInTheMiddleOfAMembersActions() {
        seeder(true, new DirectExecutorService());
        // As if the node had died after the first demo member's plan and first action: the rest of it undone.
        DemoMember first = demo.get(0);
        PledgeAction kept = pledges.actions(first.odsCode(), false).get(0);
        pledges.actions.removeIf(a -> a.odsCode().equals(first.odsCode()) && a.id() != kept.id());
        ledger.start("crashed-node");

        seeder(true, new DirectExecutorService());

        assertThat(pledges.actions(first.odsCode(), false)).hasSize(first.actions().size());
        assertThat(plans.versions(first.odsCode())).hasSize(1);
        assertThat(ledger.claim()).hasValueSatisfying(c -> assertThat(c.finishedAt()).isPresent());
    }

    @Test
    void stopsItsThreadOnDeactivate() {
        DirectExecutorService executor = new DirectExecutorService();
        DemoSeeder seeder = seeder(false, executor);

        seeder.deactivate();

        assertThat(executor.isShutdown()).isTrue();
    }

    @Test
    void givesTheDemoTheCampaignsHistoryOnce() throws IOException {
        seeder(true, new DirectExecutorService());

        assertThat(joinedCalls).hasSize(1);
        Map<String, LocalDate> joined = joinedCalls.get(0);
        assertThat(joined).hasSize((int) bundledRows());
        // DOMAIN.md: launched 24 June 2014, 236 member organisations by March 2015.
        assertThat(joined.values()).allMatch(d -> !d.isBefore(LocalDate.of(2014, 6, 24)));
        assertThat(joined.values().stream().filter(d -> !d.isAfter(LocalDate.of(2015, 3, 31)))).hasSize(236);
        for (DemoMember m : demo) {
            assertThat(joined.get(m.odsCode())).as(m.odsCode()).isEqualTo(LocalDate.of(2014, 6, 24));
        }
        assertThat(publishedCalls.get(0)).hasSize(demo.size());
        assertThat(publishedCalls.get(0).values()).allMatch(p -> p.toString().startsWith("2015-"));
    }

    @Test
    void joinDatesAreFrontLoadedFromLaunchAndTheSameEveryTime() {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 241; i++) {
            codes.add(String.format("R%02d", i));
        }
        Map<String, LocalDate> once = DemoHistory.joinDates(codes, List.of("R07"));
        List<String> reversed = new ArrayList<>(codes);
        java.util.Collections.reverse(reversed);
        Map<String, LocalDate> again = DemoHistory.joinDates(reversed, List.of("R07"));

        assertThat(again).isEqualTo(once);
        assertThat(once.get("R07")).isEqualTo(DemoHistory.LAUNCH);
        // day = 280 x (i/236)^2: half the first year's members (i < 118) join within 280 x 0.25 = 70 days.
        long early = once.values().stream().filter(d -> d.isBefore(DemoHistory.LAUNCH.plusDays(71))).count();
        assertThat(early).isBetween(118L, 120L);
        // The last five join every 60 days from 1 April 2015.
        assertThat(once.values()).contains(LocalDate.of(2015, 4, 1), LocalDate.of(2015, 5, 31),
                LocalDate.of(2015, 7, 30), LocalDate.of(2015, 9, 28), LocalDate.of(2015, 11, 27));
    }
}
