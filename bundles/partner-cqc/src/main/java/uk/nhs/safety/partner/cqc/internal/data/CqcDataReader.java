package uk.nhs.safety.partner.cqc.internal.data;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import uk.nhs.safety.campaign.api.Violation;

/**
 * Reads provider and location records in the shape of CQC's public API: one record (an object with
 * {@code providerId} or {@code locationId}), an array of records, or a page of a list
 * ({@code {"page":1,"perPage":…,"totalPages":…,"providers":[…]}} or {@code "locations":[…]}). Records are read one
 * at a time (a list of any length takes the memory of one record). Fields the platform does not use are ignored;
 * a record missing a required field, or with a rating CQC does not use, is a violation naming the record (its
 * position in the file, from 1), the field path and the value. Not thread-safe: one per read.
 */
public final class CqcDataReader {

    /** CQC's key questions, spelled as its API spells them. */
    public static final List<String> KEY_QUESTIONS = List.of("Safe", "Effective", "Caring", "Responsive", "Well-led");
    /** CQC's ratings, spelled as its API spells them, and its words for no rating. */
    public static final Set<String> RATINGS = Set.of("Outstanding", "Good", "Requires improvement", "Inadequate",
            "Insufficient evidence to rate", "No rating", "Not rated");
    private static final Set<String> STATUSES = Set.of("Registered", "Deregistered");

    private final ObjectMapper mapper = new ObjectMapper();
    private final List<Violation> violations = new ArrayList<>();
    private int records;
    private int refused;

    /** The problems found so far. */
    public List<Violation> violations() {
        return List.copyOf(violations);
    }

    /** Records read so far (valid or not). */
    public int records() {
        return records;
    }

    /** Records refused so far (one with several problems counts once); a file that is not such JSON counts one. */
    public int refused() {
        return refused;
    }

    /** Reads every record, handing each valid one to {@code sink}; problems are collected, never thrown. */
    public void read(InputStream in, Consumer<Registration> sink) throws IOException {
        JsonFactory factory = mapper.getFactory();
        try (JsonParser p = factory.createParser(in)) {
            JsonToken first = p.nextToken();
            if (first == JsonToken.START_ARRAY) {
                readArray(p, "", sink);
            } else if (first == JsonToken.START_OBJECT) {
                ObjectNode top = mapper.createObjectNode();
                boolean list = false;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    JsonToken value = p.nextToken();
                    if ((field.equals("providers") || field.equals("locations")) && value == JsonToken.START_ARRAY) {
                        list = true;
                        readArray(p, field, sink);
                    } else {
                        top.set(field, mapper.readTree(p));
                    }
                }
                if (!list) {
                    record(top, "", sink);
                }
            } else {
                refused++;
                violations.add(Violation.of("file", first == null ? "" : first.asString(),
                        "expected CQC API JSON: a provider or location object, an array of them, or a page with"
                                + " \"providers\" or \"locations\""));
            }
        } catch (JsonProcessingException e) {
            refused++;
            violations.add(Violation.atLine(e.getLocation() == null ? 0 : e.getLocation().getLineNr(), "file", null,
                    "not valid JSON: " + e.getOriginalMessage()));
        }
    }

    private void readArray(JsonParser p, String field, Consumer<Registration> sink) throws IOException {
        int index = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            JsonNode node = mapper.readTree(p);
            record(node, field + "[" + index++ + "]", sink);
        }
    }

    private void record(JsonNode node, String path, Consumer<Registration> sink) {
        records++;
        String where = path.isEmpty() ? "" : path + ".";
        int before = violations.size();
        if (!node.isObject()) {
            refused++;
            violations.add(Violation.of(path.isEmpty() ? "record" : path, node.toString(), "expected an object"));
            return;
        }
        boolean location = node.hasNonNull("locationId");
        String cqcId = text(node, location ? "locationId" : "providerId");
        String providerId = text(node, "providerId");
        if (cqcId == null) {
            violations.add(Violation.of(where + "providerId", null,
                    "a record needs providerId (a provider) or locationId (a location)"));
        }
        if (location && providerId == null) {
            violations.add(Violation.of(where + "providerId", null, "a location needs the providerId it belongs to"));
        }
        String name = text(node, "name");
        if (name == null) {
            name = text(node, "locationName");
        }
        if (name == null) {
            violations.add(Violation.of(where + "name", null, "required"));
        }
        String ods = text(node, "odsCode");
        if (ods == null) {
            violations.add(Violation.of(where + "odsCode", null,
                    "required: the platform links CQC records to members by ODS code"));
        } else if (!ods.matches("[A-Za-z0-9]{3,10}")) {
            violations.add(Violation.of(where + "odsCode", ods, "an ODS code is 3 to 10 letters and digits"));
        }
        String status = text(node, "registrationStatus");
        if (status != null && !STATUSES.contains(status)) {
            violations.add(Violation.of(where + "registrationStatus", status, "expected Registered or Deregistered"));
        }
        JsonNode overall = node.path("currentRatings").path("overall");
        String overallRating = rating(overall, where + "currentRatings.overall.rating");
        LocalDate overallDate = date(overall, "reportDate", where + "currentRatings.overall.reportDate");
        List<Registration.KeyQuestionRating> questions = new ArrayList<>();
        JsonNode list = overall.path("keyQuestionRatings");
        for (int i = 0; i < list.size(); i++) {
            JsonNode q = list.get(i);
            String at = where + "currentRatings.overall.keyQuestionRatings[" + i + "].";
            String qName = text(q, "name");
            if (qName == null || !KEY_QUESTIONS.contains(qName)) {
                violations.add(Violation.of(at + "name", qName, "expected one of " + KEY_QUESTIONS));
            }
            String r = rating(q, at + "rating");
            if (r == null) {
                violations.add(Violation.of(at + "rating", null, "required"));
            }
            questions.add(new Registration.KeyQuestionRating(qName, r, date(q, "reportDate", at + "reportDate")));
        }
        // The columns' sizes (V1__registrations_and_mappings.sql): a longer value is refused here, naming the field,
        // rather than failing the database write.
        fits(where + (location ? "locationId" : "providerId"), cqcId, 20);
        fits(where + "providerId", location ? providerId : null, 20);
        fits(where + (text(node, "name") != null ? "name" : "locationName"), name, 300);
        fits(where + "type", text(node, "type"), 100);
        fits(where + "region", text(node, "region"), 100);
        fits(where + "postalCode", text(node, "postalCode"), 10);
        if (violations.size() > before) {
            refused++;
            return;
        }
        String upperOds = ods.toUpperCase(Locale.ROOT);
        sink.accept(new Registration(cqcId, location ? "location" : "provider", location ? providerId : cqcId, name,
                upperOds, "", status, text(node, "type"), text(node, "region"), text(node, "postalCode"),
                overallRating, overallDate, questions));
    }

    private void fits(String field, String value, int max) {
        if (value != null && value.length() > max) {
            violations.add(Violation.of(field, value, "at most " + max + " characters (" + value.length()
                    + " given)"));
        }
    }

    private String rating(JsonNode node, String field) {
        String r = text(node, "rating");
        if (r != null && !RATINGS.contains(r)) {
            violations.add(Violation.of(field, r, "not a CQC rating; expected Outstanding, Good, Requires improvement"
                    + " or Inadequate (or Insufficient evidence to rate, No rating, Not rated)"));
            return null;
        }
        return r;
    }

    private LocalDate date(JsonNode node, String name, String field) {
        String d = text(node, name);
        if (d == null) {
            return null;
        }
        try {
            return LocalDate.parse(d.length() > 10 ? d.substring(0, 10) : d);
        } catch (DateTimeParseException e) {
            violations.add(Violation.of(field, d, "a date as yyyy-mm-dd is required"));
            return null;
        }
    }

    private static String text(JsonNode node, String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull() || !v.isValueNode()) {
            return null;
        }
        String s = v.asText().trim();
        return s.isEmpty() ? null : s;
    }
}
