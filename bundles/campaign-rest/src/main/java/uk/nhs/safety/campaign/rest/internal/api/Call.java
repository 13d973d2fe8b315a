package uk.nhs.safety.campaign.rest.internal.api;

import java.io.IOException;
import java.nio.charset.Charset;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import uk.nhs.safety.campaign.rest.internal.http.ApiRequest;
import uk.nhs.safety.campaign.rest.internal.http.Bodies;
import uk.nhs.safety.campaign.rest.internal.http.ETags;
import uk.nhs.safety.campaign.rest.internal.http.Json;
import uk.nhs.safety.campaign.rest.internal.http.MediaTypes;
import uk.nhs.safety.campaign.rest.internal.http.Problem;
import uk.nhs.safety.campaign.rest.internal.http.ProblemException;
import uk.nhs.safety.campaign.rest.internal.security.Caller;

/**
 * One routed, authorised request as a handler sees it: the caller, the path parameters, and checked access to the
 * query, the preconditions and the body.
 */
public record Call(ApiRequest request, Caller caller, Map<String, String> params, RestSettings settings, Json json) {

    /** Every ODS code shape (trusts, sites, GP practices, CCGs, ICBs, campaign-assigned codes). */
    private static final Pattern ODS = Pattern.compile("^[A-Za-z0-9]{3,8}$");

    /** Who acts, for the audit trail. */
    public String actor() {
        return caller.name();
    }

    /** The member's ODS code from the path, upper case. */
    public String ods() {
        String code = params.get("ods");
        if (code == null || !ODS.matcher(code.trim()).matches()) {
            throw ProblemException.field(Problem.Kind.VALIDATION, "odsCode", code,
                    "is not an ODS code: 3 to 8 letters and digits, e.g. RGT or A81001");
        }
        return code.trim().toUpperCase(Locale.ROOT);
    }

    /** Whether the caller may see and change this member's drafts. */
    public boolean mayEdit(String odsCode) {
        return caller.mayEdit(odsCode);
    }

    /** A whole-number path parameter. */
    public long pathNumber(String name, long min) {
        String text = params.get(name);
        try {
            long n = Long.parseLong(text);
            if (n >= min) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below with the field named
        }
        throw ProblemException.field(Problem.Kind.VALIDATION, name, text, "must be a whole number of " + min
                + " or more");
    }

    /** A whole-number query parameter within bounds, or the default when absent. */
    public int queryInt(String name, int defaultValue, int min, int max) {
        String text = request.param(name);
        if (text == null || text.isBlank()) {
            return defaultValue;
        }
        try {
            int n = Integer.parseInt(text.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below with the field named
        }
        throw ProblemException.field(Problem.Kind.VALIDATION, name, text,
                "must be a whole number from " + min + " to " + max);
    }

    /** A true/false query parameter, or the default when absent. */
    public boolean queryBoolean(String name, boolean defaultValue) {
        String text = request.param(name);
        if (text == null || text.isBlank()) {
            return defaultValue;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ProblemException.field(Problem.Kind.VALIDATION, name, text, "must be true or false");
        };
    }

    /** The lock version named by {@code If-Match} (428 when missing). */
    public long ifMatch() {
        return ETags.requiredVersion(request.header("If-Match"));
    }

    /** The JSON body as a type: 413 over the limit, 415 unless {@code application/json}, 400 naming the path. */
    public <T> T body(Class<T> type) throws IOException {
        return json.read(Bodies.read(request, MediaTypes.JSON, settings.maxJsonBytes()), type);
    }

    /** The CSV body as text: 413 over the CSV limit, 415 unless {@code text/csv}. */
    public String csvBody() throws IOException {
        Charset charset = MediaTypes.charset(request.header("Content-Type"));
        return new String(Bodies.read(request, MediaTypes.CSV, settings.maxCsvBytes()), charset);
    }

    /** An absolute path below the API base, e.g. {@code location("/members/RGT")} → {@code /api/v1/members/RGT}. */
    public String location(String path) {
        return request.basePath() + path;
    }
}
