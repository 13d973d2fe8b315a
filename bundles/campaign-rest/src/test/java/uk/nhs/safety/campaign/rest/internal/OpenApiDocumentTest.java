package uk.nhs.safety.campaign.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The OpenAPI document the API serves at {@code /api/v1/openapi.json} is well-formed: every reference resolves, every
 * operation is named and answers, every route of the API spec is there, and error answers are problem documents.
 * (That the server's real answers match it is proved end to end by the itests.)
 */
class OpenApiDocumentTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    /** The route table of the HTTP API spec (issue 3): method and path of every route. */
    private static final List<String> SPEC_ROUTES = List.of(
            "get /api/health",
            "get /api/v1/openapi.json",
            "get /api/v1/session",
            "post /api/v1/session",
            "delete /api/v1/session",
            "get /api/v1/summary",
            "get /api/v1/pledges",
            "get /api/v1/focus-areas",
            "post /api/v1/focus-areas",
            "get /api/v1/members",
            "post /api/v1/members",
            "post /api/v1/members/import",
            "get /api/v1/members/{ods}",
            "post /api/v1/members/{ods}/withdraw",
            "get /api/v1/members/{ods}/pledges",
            "get /api/v1/members/{ods}/actions",
            "post /api/v1/members/{ods}/actions",
            "put /api/v1/members/{ods}/actions/{id}",
            "post /api/v1/members/{ods}/actions/{id}/publish",
            "get /api/v1/members/{ods}/plan",
            "put /api/v1/members/{ods}/plan",
            "post /api/v1/members/{ods}/plan/publish",
            "get /api/v1/members/{ods}/plan/versions",
            "get /api/v1/members/{ods}/plan/versions/{n}",
            "get /api/v1/members/{ods}/plan/diagram",
            "get /api/v1/members/{ods}/measures",
            "get /api/v1/members/{ods}/icons",
            "get /api/v1/members/{ods}/icons.csv",
            "get /api/v1/icons",
            "get /api/v1/icons.csv",
            "get /api/v1/members/{ods}/measures/{key}",
            "post /api/v1/members/{ods}/measures/{key}/measurements",
            "put /api/v1/members/{ods}/measures/{key}/annotations/{period}",
            "delete /api/v1/members/{ods}/measures/{key}/annotations/{period}",
            "get /api/v1/members/{ods}/pdsa-cycles",
            "post /api/v1/members/{ods}/pdsa-cycles",
            "put /api/v1/members/{ods}/pdsa-cycles/{idea}/{n}",
            "get /api/v1/members/{ods}/audit",
            "get /api/v1/partners",
            "get /api/v1/partners/{partnerId}/{partnerPath}",
            "post /api/v1/partners/{partnerId}/{partnerPath}",
            "post /api/v1/admin/partners/install",
            "post /api/v1/admin/partners/uninstall");

    /** Schemas whose enums are upper case by the spec ({@code /api/health} says UP/DOWN). */
    private static final Set<String> UPPER_CASE_ENUMS = Set.of("Health", "HealthComponent", "PartnerHealthSummary",
            "ClusterNodeStatus", "ClusterNodePartner", "PartnerHealth");

    private static JsonNode doc;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = OpenApiDocumentTest.class.getResourceAsStream("/openapi.json")) {
            assertThat(in).as("openapi.json on the bundle's class path").isNotNull();
            doc = new ObjectMapper().readTree(in);
        }
    }

    @Test
    void declaresOpenApi31WithSecuritySchemesForBasicAndBearer() {
        assertThat(doc.path("openapi").asText()).startsWith("3.1.");
        assertThat(doc.path("info").path("title").asText()).isNotBlank();
        assertThat(doc.path("info").path("version").asText()).isNotBlank();
        JsonNode schemes = doc.path("components").path("securitySchemes");
        assertThat(schemes.path("basicAuth").path("scheme").asText()).isEqualTo("basic");
        assertThat(schemes.path("bearerAuth").path("scheme").asText()).isEqualTo("bearer");
    }

    @Test
    void resolvesEveryReferenceInsideTheDocument() {
        List<String> refs = new ArrayList<>();
        collectRefs(doc, refs);
        assertThat(refs).isNotEmpty();
        List<String> unresolved = new ArrayList<>();
        for (String ref : refs) {
            if (!ref.startsWith("#/") || doc.at(ref.substring(1)).isMissingNode()) {
                unresolved.add(ref);
            }
        }
        assertThat(unresolved).as("references that do not resolve").isEmpty();
    }

    @Test
    void namesEveryOperationUniquelyAndGivesItResponses() {
        Set<String> ids = new HashSet<>();
        List<String> problems = new ArrayList<>();
        forEachOperation((route, operation) -> {
            String id = operation.path("operationId").asText("");
            if (id.isEmpty()) {
                problems.add(route + ": no operationId");
            } else if (!ids.add(id)) {
                problems.add(route + ": operationId " + id + " used twice");
            }
            JsonNode responses = operation.path("responses");
            if (!responses.isObject() || responses.isEmpty()) {
                problems.add(route + ": no responses");
            } else if (!hasSuccess(responses)) {
                problems.add(route + ": no success response");
            }
            if (!operation.path("security").isArray()) {
                problems.add(route + ": no per-operation security");
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void describesEveryRouteOfTheSpec() {
        Set<String> documented = new TreeSet<>();
        forEachOperation((route, operation) -> documented.add(route));
        assertThat(documented).containsAll(SPEC_ROUTES);
    }

    @Test
    void declaresEveryPathParameterOfEveryTemplate() {
        Pattern variable = Pattern.compile("\\{([^}]+)}");
        List<String> problems = new ArrayList<>();
        forEachOperation((route, operation) -> {
            Set<String> inTemplate = new TreeSet<>();
            Matcher m = variable.matcher(route);
            while (m.find()) {
                inTemplate.add(m.group(1));
            }
            Set<String> declared = new TreeSet<>();
            for (JsonNode p : operation.path("parameters")) {
                JsonNode param = resolve(p);
                if ("path".equals(param.path("in").asText())) {
                    declared.add(param.path("name").asText());
                    if (!param.path("required").asBoolean()) {
                        problems.add(route + ": path parameter " + param.path("name").asText() + " not required");
                    }
                }
            }
            if (!inTemplate.equals(declared)) {
                problems.add(route + ": template has " + inTemplate + " but parameters declare " + declared);
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void answersEveryErrorWithAProblemDocument() {
        JsonNode problem = doc.at("/components/schemas/Problem");
        assertThat(fieldNames(problem.path("properties")))
                .containsExactlyInAnyOrder("type", "title", "status", "detail", "instance", "errors");
        List<String> problems = new ArrayList<>();
        forEachOperation((route, operation) -> operation.path("responses").fields().forEachRemaining(e -> {
            if (e.getKey().startsWith("4") || (e.getKey().startsWith("5") && !"503".equals(e.getKey()))) {
                JsonNode response = resolve(e.getValue());
                JsonNode schema = response.path("content").path("application/problem+json").path("schema");
                if (!"#/components/schemas/Problem".equals(schema.path("$ref").asText())) {
                    problems.add(route + " " + e.getKey() + ": not application/problem+json with the Problem schema");
                }
            }
        }));
        assertThat(problems).isEmpty();
    }

    @Test
    void documentsTheErrorsEachKindOfRouteCanGive() {
        List<String> problems = new ArrayList<>();
        forEachOperation((route, operation) -> {
            Set<String> statuses = fieldNames(operation.path("responses"));
            require(problems, route, statuses, "401", "429", "500", "503");
            if (operation.has("requestBody")) {
                require(problems, route, statuses, "400", "413", "415");
            }
            if (route.contains("{ods}")) {
                require(problems, route, statuses, "400", "404");
            }
            boolean restricted = true;
            for (JsonNode requirement : operation.path("security")) {
                if (requirement.isEmpty()) {
                    restricted = false;
                }
            }
            if (restricted) {
                require(problems, route, statuses, "403");
            }
            for (JsonNode p : operation.path("parameters")) {
                JsonNode param = resolve(p);
                if ("If-Match".equals(param.path("name").asText())) {
                    require(problems, route, statuses, "412", "428");
                }
            }
        });
        assertThat(problems).isEmpty();
        JsonNode unauthorized = doc.at("/components/responses/Unauthorized/headers");
        assertThat(fieldNames(unauthorized)).contains("WWW-Authenticate");
        assertThat(fieldNames(doc.at("/components/responses/TooManyRequests/headers"))).contains("Retry-After");
        assertThat(fieldNames(doc.at("/components/responses/PreconditionFailed/headers"))).contains("ETag");
    }

    @Test
    void closesEveryObjectSchemaAndSpellsEnumsInLowerCase() {
        List<String> problems = new ArrayList<>();
        doc.at("/components/schemas").fields().forEachRemaining(e -> {
            JsonNode schema = e.getValue();
            JsonNode additional = schema.path("additionalProperties");
            if ("object".equals(schema.path("type").asText()) && !(additional.isBoolean() && !additional.asBoolean())) {
                problems.add(e.getKey() + ": additionalProperties is not false");
            }
            if (!UPPER_CASE_ENUMS.contains(e.getKey())) {
                List<String> enums = new ArrayList<>();
                collectEnums(schema, enums);
                for (String value : enums) {
                    if (!value.equals(value.toLowerCase(Locale.ROOT))) {
                        problems.add(e.getKey() + ": enum value " + value + " is not lower case");
                    }
                }
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void spellsNullableFieldsTheJsonSchema202012Way() {
        List<String> nullableKeywords = new ArrayList<>();
        findKey(doc, "nullable", "", nullableKeywords);
        assertThat(nullableKeywords).as("OpenAPI 3.0 'nullable' is not 3.1").isEmpty();
        JsonNode region = doc.at("/components/schemas/Member/properties/region/type");
        assertThat(region.isArray()).isTrue();
        assertThat(region.toString()).contains("\"null\"");
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private interface OperationVisitor {
        void visit(String route, JsonNode operation);
    }

    private static void forEachOperation(OperationVisitor visitor) {
        doc.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (METHODS.contains(op.getKey())) {
                visitor.visit(op.getKey() + " " + path.getKey(), op.getValue());
            }
        }));
    }

    private static boolean hasSuccess(JsonNode responses) {
        for (Iterator<String> it = responses.fieldNames(); it.hasNext(); ) {
            String code = it.next();
            if (code.startsWith("2") || "default".equals(code)) {
                return true;
            }
        }
        return false;
    }

    private static void require(List<String> problems, String route, Set<String> statuses, String... required) {
        for (String status : required) {
            if (!statuses.contains(status)) {
                problems.add(route + ": does not document " + status);
            }
        }
    }

    private static JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        while (current.has("$ref")) {
            current = doc.at(current.get("$ref").asText().substring(1));
        }
        return current;
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if ("$ref".equals(e.getKey()) && e.getValue().isTextual()) {
                    refs.add(e.getValue().asText());
                } else {
                    collectRefs(e.getValue(), refs);
                }
            }
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, refs));
        }
    }

    private static void collectEnums(JsonNode node, List<String> values) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if ("enum".equals(e.getKey())) {
                    e.getValue().forEach(v -> values.add(v.asText()));
                } else {
                    collectEnums(e.getValue(), values);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collectEnums(child, values));
        }
    }

    private static void findKey(JsonNode node, String key, String at, List<String> found) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                // "properties" maps field names to schemas: a field may be called anything, even "nullable"
                if (key.equals(e.getKey()) && !at.endsWith("/properties")) {
                    found.add(at + "/" + key);
                }
                findKey(e.getValue(), key, at + "/" + e.getKey(), found);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                findKey(node.get(i), key, at + "/" + i, found);
            }
        }
    }
}
