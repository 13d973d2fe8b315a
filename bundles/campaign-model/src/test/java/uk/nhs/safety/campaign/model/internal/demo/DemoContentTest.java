package uk.nhs.safety.campaign.model.internal.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import uk.nhs.safety.campaign.api.ChangeIdea;
import uk.nhs.safety.campaign.api.DriverDiagram;
import uk.nhs.safety.campaign.api.Measure;
import uk.nhs.safety.campaign.api.MeasureType;
import uk.nhs.safety.campaign.api.Measurement;
import uk.nhs.safety.campaign.api.PlanContent;
import uk.nhs.safety.campaign.api.Pledge;
import uk.nhs.safety.campaign.api.PrimaryDriver;
import uk.nhs.safety.campaign.api.SecondaryDriver;
import uk.nhs.safety.campaign.api.spc.ChartType;
import uk.nhs.safety.campaign.model.internal.demo.DemoContent.DemoAction;
import uk.nhs.safety.campaign.model.internal.demo.DemoContent.DemoMember;
import uk.nhs.safety.campaign.model.internal.ods.OdsExtractParser;
import uk.nhs.safety.campaign.model.internal.ods.OdsRecord;

class DemoContentTest {

    /** The focus-area vocabulary the store seeds (copied here, not read from the code under test). */
    private static final Set<String> VOCABULARY = Set.of("maternity", "deteriorating-patient", "sepsis", "falls",
            "pressure-ulcers", "medication-safety", "surgical-safety", "diagnosis-in-ae", "vte", "hcai",
            "mental-health-safety", "safety-culture", "learning-disabilities", "aki");

    private final List<DemoMember> members = DemoContent.fromClassPath().members();

    /** Every broken link or duplicate key in a plan, in words; empty when the plan is sound. */
    static List<String> linkProblems(PlanContent plan) {
        List<String> problems = new ArrayList<>();
        DriverDiagram d = plan.diagram();
        Set<String> keys = new HashSet<>();
        Set<String> primaries = new HashSet<>();
        Set<String> secondaries = new HashSet<>();
        for (PrimaryDriver p : d.primaryDrivers()) {
            if (!keys.add(p.key())) {
                problems.add("duplicate key " + p.key());
            }
            primaries.add(p.key());
        }
        for (SecondaryDriver s : d.secondaryDrivers()) {
            if (!keys.add(s.key())) {
                problems.add("duplicate key " + s.key());
            }
            secondaries.add(s.key());
            if (s.primaryKeys().isEmpty()) {
                problems.add(s.key() + " serves no primary driver");
            }
            s.primaryKeys().stream().filter(k -> !primaries.contains(k))
                    .forEach(k -> problems.add(s.key() + " links to missing primary " + k));
        }
        for (ChangeIdea c : d.changeIdeas()) {
            if (!keys.add(c.key())) {
                problems.add("duplicate key " + c.key());
            }
            if (c.secondaryKeys().isEmpty()) {
                problems.add(c.key() + " works on no secondary driver");
            }
            c.secondaryKeys().stream().filter(k -> !secondaries.contains(k))
                    .forEach(k -> problems.add(c.key() + " links to missing secondary " + k));
        }
        if (keys.contains(DriverDiagram.AIM)) {
            problems.add("a driver uses the reserved key aim");
        }
        Set<String> measureKeys = new HashSet<>();
        for (Measure m : plan.measures()) {
            if (!measureKeys.add(m.key())) {
                problems.add("duplicate measure " + m.key());
            }
            boolean linked = m.linkedTo().equals(DriverDiagram.AIM) || primaries.contains(m.linkedTo())
                    || secondaries.contains(m.linkedTo());
            if (!linked) {
                problems.add("measure " + m.key() + " links to missing " + m.linkedTo());
            }
        }
        return problems;
    }

    @Test
    void linkCheckerCatchesBrokenLinks() {
        DriverDiagram broken = new DriverDiagram("aim", List.of(new PrimaryDriver("P1", "p")),
                List.of(new SecondaryDriver("S1", "s", List.of("P9")), new SecondaryDriver("P1", "dup", List.of("P1"))),
                List.of(new ChangeIdea("C1", "c", List.of("S7"))));
        PlanContent plan = new PlanContent("t", null, null, List.of(), broken, List.of(
                new Measure("m", "m", MeasureType.OUTCOME, "d", "%", null, null, null, "X1", null)));

        assertThat(linkProblems(plan)).hasSize(4);
    }

    @Test
    void seedsSixMembersWithDistinctRealTrusts() throws IOException {
        Map<String, OdsRecord> extract = bundledExtract();

        assertThat(members).hasSize(6).extracting(DemoMember::odsCode).doesNotHaveDuplicates();
        assertThat(members).allSatisfy(m -> {
            assertThat(extract).containsKey(m.odsCode());
            assertThat(extract.get(m.odsCode()).type()).as(m.odsCode()).isEqualTo(m.type());
            assertThat(extract.get(m.odsCode()).closeDate()).as(m.odsCode()).isNull();
        });
        assertThat(members).extracting(DemoMember::type).map(Enum::name)
                .contains("ACUTE", "AMBULANCE", "MENTAL_HEALTH");
    }

    @Test
    void everyPlanLinkResolves() {
        assertThat(members).allSatisfy(m -> assertThat(linkProblems(m.plan())).as(m.odsCode()).isEmpty());
    }

    @Test
    void plansHaveTheShapeOfACompleteDriverDiagram() {
        assertThat(members).allSatisfy(m -> {
            PlanContent p = m.plan();
            DriverDiagram d = p.diagram();
            assertThat(p.title()).startsWith("[DEMO] ");
            assertThat(d.aim()).isNotBlank().containsPattern("\\d").contains("2017");
            assertThat(d.primaryDrivers()).hasSizeBetween(3, 4)
                    .allSatisfy(x -> assertThat(x.key()).matches("P\\d+"));
            assertThat(d.secondaryDrivers()).hasSizeBetween(4, 6)
                    .allSatisfy(x -> assertThat(x.key()).matches("S\\d+"));
            assertThat(d.changeIdeas()).hasSizeBetween(5, 8)
                    .allSatisfy(x -> assertThat(x.key()).matches("C\\d+"));
            assertThat(p.measures()).hasSizeBetween(3, 6)
                    .allSatisfy(x -> assertThat(x.key()).matches("[a-z0-9]+(-[a-z0-9]+)*"));
            assertThat(p.measures()).extracting(Measure::type).containsAll(EnumSet.allOf(MeasureType.class));
            assertThat(p.measures()).filteredOn(x -> x.type() == MeasureType.OUTCOME)
                    .allSatisfy(x -> assertThat(x.target()).isNotNull());
            assertThat(p.measures()).allSatisfy(x -> {
                assertThat(x.unit()).isNotBlank();
                assertThat(x.definition()).isNotBlank();
                assertThat(x.direction()).isNotNull();
                assertThat(x.baseline()).isNotNull();
            });
            assertThat(p.focusAreas()).isNotEmpty().allMatch(VOCABULARY::contains);
        });
    }

    @Test
    void plansRunForThreeYearsFromApril2014() {
        assertThat(members).allSatisfy(m -> {
            assertThat(m.plan().periodStart()).isEqualTo(LocalDate.of(2014, 4, 1));
            assertThat(m.plan().periodEnd()).isEqualTo(LocalDate.of(2017, 3, 31));
        });
    }

    @Test
    void everyMeasureHas24To36ConsecutiveMonthsInThePlanPeriod() {
        assertThat(members).allSatisfy(m -> {
            assertThat(m.measurements().keySet()).containsExactlyInAnyOrderElementsOf(
                    m.plan().measures().stream().map(Measure::key).toList());
            m.measurements().forEach((key, values) -> {
                if (rareEvents(m, key)) {
                    // T and G charts: one value per event, dated the day it happened, in order, within the plan
                    for (int i = 1; i < values.size(); i++) {
                        assertThat(values.get(i).period()).as(key).isAfter(values.get(i - 1).period());
                    }
                    assertThat(values.get(0).period()).isAfterOrEqualTo(m.plan().periodStart());
                    assertThat(values.get(values.size() - 1).period()).isBeforeOrEqualTo(m.plan().periodEnd());
                    return;
                }
                assertThat(values).as(key).hasSizeBetween(24, 36);
                for (int i = 0; i < values.size(); i++) {
                    assertThat(values.get(i).period()).as(key).isEqualTo(LocalDate.of(2014, 4, 1).plusMonths(i));
                }
                assertThat(values.get(values.size() - 1).period()).isBeforeOrEqualTo(m.plan().periodEnd());
            });
        });
    }

    private static boolean rareEvents(DemoMember member, String key) {
        return member.plan().measures().stream().filter(x -> x.key().equals(key))
                .anyMatch(x -> x.chartType() == ChartType.T || x.chartType() == ChartType.G);
    }

    @Test
    void percentagesStayWithin0And100AndRatesArePositive() {
        assertThat(members).allSatisfy(m -> m.plan().measures().forEach(measure -> {
            List<Measurement> values = m.measurements().get(measure.key());
            assertThat(values).allSatisfy(v -> assertThat(v.value()).isGreaterThanOrEqualTo(0));
            if (measure.unit().equals("%")) {
                assertThat(values).allSatisfy(v -> assertThat(v.value()).isLessThanOrEqualTo(100));
            }
        }));
    }

    @Test
    void someSeriesShiftAfterAChange() {
        List<String> shifted = series().entrySet().stream().filter(e -> lastSevenOnOneSide(e.getValue()))
                .map(Map.Entry::getKey).toList();

        assertThat(shifted).isNotEmpty();
        // The RGT outcome measure moves with its first change: a shift an SPC chart must show.
        assertThat(shifted).contains("RGT/cardiac-arrests-per-1000");
    }

    @Test
    void someSeriesTrendForSevenPoints() {
        assertThat(series().values()).anyMatch(DemoContentTest::hasTrendOfSeven);
    }

    @Test
    void someSeriesHaveASingleOutlier() {
        assertThat(series().values()).anyMatch(DemoContentTest::hasIsolatedPointOutsideLimits);
    }

    @Test
    void annotatesTheChangesOnTheCharts() {
        assertThat(series().values().stream().flatMap(List::stream).filter(v -> v.annotation() != null))
                .hasSizeGreaterThanOrEqualTo(6);
    }

    @Test
    void givesTwoPlansPdsaCyclesOfTheirOwnChangeIdeasAndMeasuresWithAnAdaptedCycleFollowed() {
        List<DemoMember> withCycles = members.stream().filter(m -> !m.pdsaCycles().isEmpty()).toList();

        assertThat(withCycles).hasSizeGreaterThanOrEqualTo(2);
        assertThat(withCycles).allSatisfy(m -> {
            Set<String> ideas = m.plan().diagram().changeIdeas().stream().map(ChangeIdea::key)
                    .collect(Collectors.toSet());
            Set<String> measures = m.plan().measures().stream().map(Measure::key).collect(Collectors.toSet());
            assertThat(m.pdsaCycles()).allSatisfy(c -> {
                assertThat(ideas).contains(c.changeIdea());
                assertThat(measures).containsAll(c.measures());
                assertThat(List.of(c.plan(), c.owner(), c.prediction())).allSatisfy(t -> assertThat(t).isNotBlank());
                assertThat(c.plannedStart()).isNotNull();
            });
            // a cycle that follows another follows an earlier one of its idea that decided to adapt
            assertThat(m.pdsaCycles().stream().filter(c -> c.follows() != null)).allSatisfy(c -> assertThat(
                    m.pdsaCycles().stream().filter(o -> o.changeIdea().equals(c.changeIdea())).toList()
                            .get(c.follows() - 1).decision())
                    .isEqualTo(uk.nhs.safety.campaign.api.pdsa.PdsaDecision.ADAPT));
        });
        assertThat(withCycles.stream().flatMap(m -> m.pdsaCycles().stream()).map(c -> c.decision()))
                .contains(uk.nhs.safety.campaign.api.pdsa.PdsaDecision.ADOPT,
                        uk.nhs.safety.campaign.api.pdsa.PdsaDecision.ADAPT,
                        uk.nhs.safety.campaign.api.pdsa.PdsaDecision.ABANDON, null);
    }

    @Test
    void everyMemberPublishesActionsForAllFivePledgesAndKeepsSomeDrafts() {
        assertThat(members).allSatisfy(m -> {
            Set<Pledge> published = m.actions().stream().filter(DemoAction::publish)
                    .map(a -> a.action().pledge()).collect(Collectors.toSet());
            long drafts = m.actions().stream().filter(a -> !a.publish()).count();

            assertThat(published).containsExactlyInAnyOrder(Pledge.values());
            assertThat(drafts).isPositive().isLessThan(m.actions().size() - drafts);
            assertThat(m.actions()).allSatisfy(a -> {
                assertThat(a.action().text()).endsWith(" (demo)").hasSizeLessThanOrEqualTo(2000);
                assertThat(a.action().ownerRole()).isNotBlank();
                assertThat(a.action().status()).isNotNull();
            });
        });
    }

    @Test
    void refusesAFileWithAFieldItDoesNotKnowNamingTheFile() {
        java.util.Map<String, String> files = new java.util.HashMap<>();
        files.put("d/members.txt", "RGT\n");
        files.put("d/plans/RGT.json", "{\"title\": \"[DEMO] x\", \"colour\": \"red\"}");
        files.put("d/activity/RGT.json", "{}");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DemoContent.read(path -> files.containsKey(path)
                        ? new java.io.ByteArrayInputStream(files.get(path).getBytes(StandardCharsets.UTF_8)) : null, "d"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("d/plans/RGT.json")
                .hasMessageContaining("colour");
    }

    @Test
    void refusesAMissingFileNamingIt() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DemoContent.read(path -> path.equals("d/members.txt")
                        ? new java.io.ByteArrayInputStream("RGT\n".getBytes(StandardCharsets.UTF_8)) : null, "d"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no file d/plans/RGT.json");
    }

    @Test
    void givesTheSameContentEveryTime() {
        assertThat(DemoContent.fromClassPath().members()).isEqualTo(members);
    }

    @Test
    void bundlesAnExactCopyOfTheRealExtract() throws IOException {
        try (InputStream in = DemoContent.fromClassPath().extract()) {
            assertThat(in.readAllBytes()).isEqualTo(Files.readAllBytes(Path.of("../../../shared/data/ods/etr.csv")));
        }
    }

    // --- helpers -----------------------------------------------------------------------------------------

    private Map<String, List<Measurement>> series() {
        Map<String, List<Measurement>> all = new java.util.LinkedHashMap<>();
        members.forEach(m -> m.measurements().forEach((k, v) -> all.put(m.odsCode() + "/" + k, v)));
        return all;
    }

    private static Map<String, OdsRecord> bundledExtract() throws IOException {
        try (Reader in = new InputStreamReader(DemoContent.fromClassPath().extract(), StandardCharsets.UTF_8)) {
            return new OdsExtractParser().parse(in, "etr.csv").stream()
                    .collect(Collectors.toMap(OdsRecord::odsCode, Function.identity()));
        }
    }

    private static boolean lastSevenOnOneSide(List<Measurement> values) {
        int n = values.size();
        double earlierMean = values.subList(0, n - 7).stream().mapToDouble(Measurement::value).average().orElseThrow();
        List<Measurement> last = values.subList(n - 7, n);
        return last.stream().allMatch(v -> v.value() < earlierMean) || last.stream().allMatch(v -> v.value() > earlierMean);
    }

    private static boolean hasTrendOfSeven(List<Measurement> values) {
        int up = 1;
        int down = 1;
        for (int i = 1; i < values.size(); i++) {
            double diff = values.get(i).value() - values.get(i - 1).value();
            up = diff > 0 ? up + 1 : 1;
            down = diff < 0 ? down + 1 : 1;
            if (up >= 7 || down >= 7) {
                return true;
            }
        }
        return false;
    }

    /** A point beyond mean ± 2.66 × mean moving range whose neighbours are both inside: a one-off, not a shift. */
    private static boolean hasIsolatedPointOutsideLimits(List<Measurement> values) {
        double[] x = values.stream().mapToDouble(Measurement::value).toArray();
        double mean = java.util.Arrays.stream(x).average().orElseThrow();
        double mr = 0;
        for (int i = 1; i < x.length; i++) {
            mr += Math.abs(x[i] - x[i - 1]);
        }
        mr /= x.length - 1;
        double lower = mean - 2.66 * mr;
        double upper = mean + 2.66 * mr;
        for (int i = 1; i < x.length - 1; i++) {
            boolean out = x[i] > upper || x[i] < lower;
            boolean neighboursIn = x[i - 1] <= upper && x[i - 1] >= lower && x[i + 1] <= upper && x[i + 1] >= lower;
            if (out && neighboursIn) {
                return true;
            }
        }
        return false;
    }
}
