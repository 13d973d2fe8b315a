package uk.nhs.safety.campaign.rest.internal.api;

import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import uk.nhs.safety.campaign.api.MeasureProgress;
import uk.nhs.safety.campaign.api.MeasureService;
import uk.nhs.safety.campaign.api.Measurement;
import uk.nhs.safety.campaign.api.MemberService;
import uk.nhs.safety.campaign.api.ValidationException;
import uk.nhs.safety.campaign.api.Violation;
import uk.nhs.safety.campaign.api.pdsa.PdsaService;
import uk.nhs.safety.campaign.rest.internal.http.ApiResponse;
import uk.nhs.safety.campaign.rest.internal.http.Router;

/**
 * {@code /members/{ods}/measures}: the measures of the plan the caller may see with the state of their charts, one
 * measure's chart (core's analysis, with its annotations and PDSA markers), recording a measurement, and setting or
 * deleting a period's annotation. Core decides which definition a caller sees and where SPC phases start.
 */
final class MeasuresResource implements Resource {

    private final MemberService members;
    private final MeasureService measures;
    private final PdsaService pdsa;

    MeasuresResource(MemberService members, MeasureService measures, PdsaService pdsa) {
        this.members = members;
        this.measures = measures;
        this.pdsa = pdsa;
    }

    @Override
    public void addRoutes(Router.Builder<Endpoint> routes) {
        routes.add("GET", "/members/{ods}/measures", Endpoint.published(this::list))
                .add("GET", "/members/{ods}/measures/{key}", Endpoint.published(this::chart))
                .add("POST", "/members/{ods}/measures/{key}/measurements", Endpoint.of(Access.EDITOR, this::record))
                .add("PUT", "/members/{ods}/measures/{key}/annotations/{period}",
                        Endpoint.of(Access.EDITOR, this::annotate))
                .add("DELETE", "/members/{ods}/measures/{key}/annotations/{period}",
                        Endpoint.of(Access.EDITOR, this::deleteAnnotation));
    }

    private ApiResponse list(Call call) {
        String ods = call.ods();
        MembersResource.require(members, ods);
        List<Views.MeasureSummary> summaries = measures.allProgress(ods, call.caller().access()).stream()
                .map(p -> Views.MeasureSummary.of(p.measure(), p.spc()))
                .toList();
        return ApiResponse.ok(summaries);
    }

    private ApiResponse chart(Call call) {
        String ods = call.ods();
        MembersResource.require(members, ods);
        String key = call.params().get("key");
        MeasureProgress progress = measures.progress(ods, key, call.caller().access());
        return ApiResponse.ok(new Views.ChartView(progress.odsCode(), progress.measure(), progress.spc(),
                pdsa.chartNotes(ods, key, call.caller().access())));
    }

    private ApiResponse record(Call call) throws IOException {
        String ods = call.ods();
        String key = call.params().get("key");
        MembersResource.require(members, ods);
        Views.MeasurementInput input = call.body(Views.MeasurementInput.class);
        List<Violation> problems = new ArrayList<>();
        LocalDate period = period(input.period(), problems);
        if (input.value() == null) {
            problems.add(Violation.of("value", null, "is required"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        Measurement recorded = measures.record(call.actor(), ods, key, period, input.value(),
                input.denominator(), input.annotation());
        return ApiResponse.created(recorded, null);
    }

    private ApiResponse annotate(Call call) throws IOException {
        String ods = call.ods();
        MembersResource.require(members, ods);
        LocalDate period = pathPeriod(call);
        Views.AnnotationInput input = call.body(Views.AnnotationInput.class);
        if (input.text() == null || input.text().isBlank()) {
            throw new ValidationException(Violation.of("text", input.text(),
                    "is required; to delete an annotation send DELETE"));
        }
        return ApiResponse.ok(pdsa.annotate(call.actor(), ods, call.params().get("key"), period, input.text()));
    }

    private ApiResponse deleteAnnotation(Call call) {
        String ods = call.ods();
        MembersResource.require(members, ods);
        pdsa.annotate(call.actor(), ods, call.params().get("key"), pathPeriod(call), null);
        return ApiResponse.json(204, null);
    }

    private static LocalDate pathPeriod(Call call) {
        List<Violation> problems = new ArrayList<>();
        LocalDate period = period(call.params().get("period"), problems);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return period;
    }

    /** A period as {@code yyyy-mm-dd}, or {@code yyyy-mm} for the first of the month. */
    static LocalDate period(String text, List<Violation> problems) {
        if (text == null || text.isBlank()) {
            problems.add(Violation.of("period", text, "is required, as yyyy-mm-dd or yyyy-mm"));
            return null;
        }
        try {
            return text.trim().length() == 7 ? YearMonth.parse(text.trim()).atDay(1) : LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            problems.add(Violation.of("period", text, "must be a date as yyyy-mm-dd or a month as yyyy-mm"));
            return null;
        }
    }
}
