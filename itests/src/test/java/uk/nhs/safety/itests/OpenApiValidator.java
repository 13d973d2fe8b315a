package uk.nhs.safety.itests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi31;

/**
 * Checks JSON bodies against the OpenAPI 3.1 document of the HTTP API: the schema of an operation's response for a
 * status and media type, of its request body, or any schema of the document by JSON pointer. The whole document is
 * the schema resource, so {@code #/components/schemas/...} references resolve inside it as they do for any OpenAPI
 * tool. Format assertions are on: a date must be a real date.
 */
final class OpenApiValidator {

    /** The document's base URI for the schema loader; never fetched, mapped to the document's text. */
    private static final String DOCUMENT_URI = "https://signuptosafety.nhs.uk/api/v1/openapi.json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final JsonNode document;
    private final JsonSchemaFactory factory;
    private final SchemaValidatorsConfig config;
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

    OpenApiValidator(String documentJson) {
        try {
            this.document = MAPPER.readTree(documentJson);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the OpenAPI document is not JSON: " + e.getOriginalMessage(), e);
        }
        if (!document.path("openapi").asText().startsWith("3.1")) {
            throw new IllegalArgumentException("not an OpenAPI 3.1 document");
        }
        this.factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, builder -> builder
                .metaSchema(OpenApi31.getInstance())
                .defaultMetaSchemaIri(OpenApi31.getInstance().getIri())
                .schemaLoaders(loaders -> loaders.schemas(Map.of(DOCUMENT_URI, documentJson))));
        this.config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    }

    static OpenApiValidator of(Path document) {
        try {
            return new OpenApiValidator(Files.readString(document, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The document in the repository (itests run with the module directory as working directory). */
    static Path repositoryDocument() {
        return Path.of(System.getProperty("openapi.document",
                "../bundles/campaign-rest/src/main/resources/openapi.json"));
    }

    JsonNode document() {
        return document;
    }

    /**
     * What is wrong with a response body for an operation: an undocumented status or media type, or each schema
     * violation. Empty when the body is what the document promises.
     *
     * @param method       HTTP method, any case
     * @param pathTemplate the path as the document spells it, e.g. {@code /api/v1/members/{ods}}
     * @param status       the response status
     * @param contentType  the response's Content-Type header (parameters are ignored), or {@code null}
     * @param body         the body text
     */
    List<String> checkResponse(String method, String pathTemplate, int status, String contentType, String body) {
        String operationPointer = operationPointer(method, pathTemplate);
        JsonNode responses = document.at(operationPointer + "/responses");
        if (responses.isMissingNode()) {
            return List.of(method + " " + pathTemplate + " is not in the document");
        }
        String code = String.valueOf(status);
        String responsePointer;
        if (responses.has(code)) {
            responsePointer = operationPointer + "/responses/" + code;
        } else if (responses.has(code.charAt(0) + "XX")) {
            responsePointer = operationPointer + "/responses/" + code.charAt(0) + "XX";
        } else if (responses.has("default")) {
            responsePointer = operationPointer + "/responses/default";
        } else {
            return List.of(method + " " + pathTemplate + " does not document status " + status);
        }
        responsePointer = dereference(responsePointer);
        return checkContent(responsePointer + "/content", method + " " + pathTemplate + " " + status, contentType,
                body);
    }

    /** What is wrong with a request body, as {@link #checkResponse} does for responses. */
    List<String> checkRequest(String method, String pathTemplate, String contentType, String body) {
        String operationPointer = operationPointer(method, pathTemplate);
        JsonNode operation = document.at(operationPointer);
        if (operation.isMissingNode()) {
            return List.of(method + " " + pathTemplate + " is not in the document");
        }
        if (!operation.has("requestBody")) {
            return List.of(method + " " + pathTemplate + " documents no request body");
        }
        String bodyPointer = dereference(operationPointer + "/requestBody");
        return checkContent(bodyPointer + "/content", method + " " + pathTemplate + " request", contentType, body);
    }

    /** What is wrong with a JSON text against the schema at a pointer of the document, e.g. {@code /components/schemas/Member}. */
    List<String> checkAgainst(String schemaPointer, String json) {
        JsonSchema schema = schemas.computeIfAbsent(schemaPointer, pointer -> factory.getSchema(
                SchemaLocation.of(DOCUMENT_URI + "#" + pointer), config));
        List<String> problems = new ArrayList<>();
        try {
            for (ValidationMessage message : schema.validate(json, InputFormat.JSON)) {
                problems.add(message.getMessage());
            }
        } catch (IllegalArgumentException e) {
            problems.add("not JSON: " + e.getMessage());
        }
        return problems;
    }

    private List<String> checkContent(String contentPointer, String what, String contentType, String body) {
        JsonNode content = document.at(contentPointer);
        boolean emptyBody = body == null || body.isEmpty();
        if (content.isMissingNode() || content.isEmpty()) {
            return emptyBody ? List.of() : List.of(what + " documents no body, but one came: " + abbreviate(body));
        }
        String mediaType = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        String key;
        if (content.has(mediaType)) {
            key = mediaType;
        } else if (!mediaType.isEmpty() && content.has(mediaType.substring(0, mediaType.indexOf('/') + 1) + "*")) {
            key = mediaType.substring(0, mediaType.indexOf('/') + 1) + "*";
        } else if (content.has("*/*")) {
            key = "*/*";
        } else {
            return List.of(what + " documents " + fieldNames(content) + ", not '" + contentType + "'");
        }
        if (!key.endsWith("json")) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        for (String problem : checkAgainst(contentPointer + "/" + escape(key) + "/schema", body)) {
            problems.add(what + ": " + problem);
        }
        return problems;
    }

    private String operationPointer(String method, String pathTemplate) {
        return "/paths/" + escape(pathTemplate) + "/" + method.toLowerCase(Locale.ROOT);
    }

    /** Follows a {@code $ref} (e.g. to {@code #/components/responses/NotFound}) to the pointer of its target. */
    private String dereference(String pointer) {
        String current = pointer;
        for (int hops = 0; hops < 10; hops++) {
            JsonNode node = document.at(current);
            if (!node.has("$ref")) {
                return current;
            }
            String ref = node.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                throw new IllegalStateException("only references inside the document are supported: " + ref);
            }
            current = ref.substring(1);
        }
        throw new IllegalStateException("reference loop at " + pointer);
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
