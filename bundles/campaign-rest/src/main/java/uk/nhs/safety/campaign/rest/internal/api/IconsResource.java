package uk.nhs.safety.campaign.rest.internal.api;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import uk.nhs.safety.campaign.api.IconSummary;
import uk.nhs.safety.campaign.api.MeasureIcons;
import uk.nhs.safety.campaign.api.MeasureService;
import uk.nhs.safety.campaign.api.MemberIcons;
import uk.nhs.safety.campaign.api.csv.CsvCells;
import uk.nhs.safety.campaign.api.spc.Assurance;
import uk.nhs.safety.campaign.api.spc.ChartType;
import uk.nhs.safety.campaign.api.spc.ImprovementDirection;
import uk.nhs.safety.campaign.api.spc.Variation;
import uk.nhs.safety.campaign.rest.internal.http.ApiResponse;
import uk.nhs.safety.campaign.rest.internal.http.Router;

/**
 * The icon summary routes: a member's ({@code /members/{ods}/icons}, the draft for its editors) and the nation's
 * ({@code /icons}), as JSON and as CSV ({@code .csv}). Core computes; this class only maps, adding each icon's words
 * and the links to the measure's chart. Stateless.
 */
final class IconsResource implements Resource {

    /** The CSV's columns, one row per measure. */
    static final List<String> CSV_HEADER = List.of("region", "ods_code", "member_name", "plan_version", "measure_key",
            "measure_name", "unit", "direction", "chart_type", "rule_profile", "rule_profile_version", "variation",
            "variation_label", "assurance", "assurance_label", "provisional", "points", "latest_value", "target",
            "latest_period", "chart");

    static final String CSV_TYPE = "text/csv; charset=utf-8";

    private final MeasureService measures;

    IconsResource(MeasureService measures) {
        this.measures = measures;
    }

    @Override
    public void addRoutes(Router.Builder<Endpoint> routes) {
        routes.add("GET", "/members/{ods}/icons", Endpoint.published(this::member))
                .add("GET", "/members/{ods}/icons.csv", Endpoint.published(this::memberCsv))
                .add("GET", "/icons", Endpoint.published(this::national))
                .add("GET", "/icons.csv", Endpoint.published(this::nationalCsv));
    }

    ApiResponse national(Call call) {
        return ApiResponse.ok(NationalView.of(measures.nationalIcons()));
    }

    ApiResponse nationalCsv(Call call) {
        IconSummary summary = measures.nationalIcons();
        return csv(summary.regions().stream().flatMap(r -> r.members().stream()).toList(), "icon-summary.csv");
    }

    ApiResponse member(Call call) {
        return ApiResponse.ok(MemberView.of(measures.icons(call.ods(), call.caller().access())));
    }

    ApiResponse memberCsv(Call call) {
        MemberIcons icons = measures.icons(call.ods(), call.caller().access());
        return csv(List.of(icons), "icon-summary-" + icons.odsCode() + ".csv");
    }

    private static ApiResponse csv(List<MemberIcons> members, String fileName) {
        return ApiResponse.bytes(200, CSV_TYPE, csv(members).getBytes(StandardCharsets.UTF_8))
                .header("Content-Disposition", "inline; filename=\"" + fileName + "\"");
    }

    /** The rows as RFC 4180 CSV with a header line, every cell through {@link CsvCells}. */
    static String csv(List<MemberIcons> members) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder()
                .setHeader(CSV_HEADER.toArray(String[]::new)).get())) {
            for (MemberIcons m : members) {
                String region = m.region() == null || m.region().isBlank() ? IconSummary.UNKNOWN_REGION : m.region();
                for (MeasureIcons i : m.measures()) {
                    csv.printRecord(CsvCells.row(region, m.odsCode(), m.name(), m.planVersion(), i.key(), i.name(),
                            i.unit(), lower(i.direction()), lower(i.chartType()), i.ruleProfile(),
                            i.ruleProfileVersion(), lower(i.variation()), i.variation().label(), lower(i.assurance()),
                            i.assurance().label(), i.provisional(), i.points(), i.latestValue(), i.target(),
                            i.latestPeriod(), chartLink(m.odsCode(), i.key())));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write CSV to memory", e);
        }
        return out.toString();
    }

    private static String lower(Enum<?> value) {
        return value == null ? null : value.name().toLowerCase(Locale.ROOT);
    }

    static String chartLink(String ods, String key) {
        return "/api/v1/members/" + ods + "/measures/" + key;
    }

    // --- JSON shapes -------------------------------------------------------------------------------------------------

    /** An icon with its words. */
    public record IconCount(String icon, String label, int count) {
    }

    /** How many measures show each icon (every icon listed, zero included). */
    public record CountsView(int measures, List<IconCount> variation, List<IconCount> assurance) {
        static CountsView of(IconSummary.Counts c) {
            return new CountsView(c.measures(),
                    Arrays.stream(Variation.values()).map(v -> new IconCount(lower(v), v.label(),
                            c.variation().getOrDefault(v, 0))).toList(),
                    Arrays.stream(Assurance.values()).map(a -> new IconCount(lower(a), a.label(),
                            c.assurance().getOrDefault(a, 0))).toList());
        }
    }

    /**
     * One measure's row: its icons with their words, and links to its chart ({@code chart}: the API's, {@code page}:
     * on the member's public page).
     */
    public record MeasureView(String key, String name, String unit, ImprovementDirection direction,
                              ChartType chartType, String ruleProfile, String ruleProfileVersion, Variation variation,
                              String variationLabel, Assurance assurance, String assuranceLabel, boolean provisional,
                              int points, Double latestValue, Double target, LocalDate latestPeriod, String chart,
                              String page) {
        static MeasureView of(String ods, MeasureIcons i) {
            return new MeasureView(i.key(), i.name(), i.unit(), i.direction(), i.chartType(), i.ruleProfile(),
                    i.ruleProfileVersion(), i.variation(), i.variation().label(), i.assurance(), i.assurance().label(),
                    i.provisional(), i.points(), i.latestValue(), i.target(), i.latestPeriod(), chartLink(ods, i.key()),
                    "/members/" + ods + "#measure-" + i.key());
        }
    }

    /** A member's icon summary; {@code planVersion} null and {@code draft} true for the working copy. */
    public record MemberView(String odsCode, String name, String region, Integer planVersion, boolean draft,
                             CountsView counts, List<MeasureView> measures) {
        static MemberView of(MemberIcons m) {
            return new MemberView(m.odsCode(), m.name(), m.region(), m.planVersion(), m.draft(),
                    CountsView.of(IconSummary.Counts.of(m.measures())),
                    m.measures().stream().map(i -> MeasureView.of(m.odsCode(), i)).toList());
        }
    }

    /** A region with its counts and members. */
    public record RegionView(String name, CountsView counts, List<MemberView> members) {
    }

    /** The national icon summary. */
    public record NationalView(CountsView total, List<RegionView> regions) {
        static NationalView of(IconSummary s) {
            return new NationalView(CountsView.of(s.total()), s.regions().stream()
                    .map(r -> new RegionView(r.name(), CountsView.of(r.counts()),
                            r.members().stream().map(MemberView::of).toList()))
                    .toList());
        }
    }
}
