package org.oneedge.mec.platform.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One ETSI MEC OpenAPI file, loaded in place with Jackson YAML, able to validate JSON bodies against a named
 * component schema or an operation's response schema with the networknt validator (JSON Schema 2020-12, the dialect
 * of the OpenAPI 3.1 files).
 *
 * <p>How: a schema document is built that embeds the file's {@code components} and points {@code $ref} (or
 * {@code allOf}) at the wanted schema, so {@code #/components/schemas/...} references resolve as in the file. A few
 * tweaks make the ETSI files usable as validators, each one loosening only what the files leave open:
 * <ul>
 *   <li>{@code enum}s that list {@code SEE_DESCRIPTION} (the value set is only in prose) are dropped, and so are
 *       one-value {@code enum}s beside a {@code description} (the generator cut the prose list to its first word,
 *       e.g. {@code CurrentTime.timeSourceStatus: [source]});</li>
 *   <li>OpenAPI 3.0 {@code nullable: true} becomes {@code type: [t, "null"]};</li>
 *   <li>non-schema keys ({@code x-etsi-...}, misspelt {@code description'}) are removed;</li>
 *   <li>a {@code type: object} beside a {@code $ref} is dropped (RniAPI.yaml puts it on every referenced property,
 *       even strings and integers such as {@code Ecgi.cellId} and {@code trigger});</li>
 *   <li>the files' response wrappers {@code {type: object, properties: {AppInfo: {$ref}}}} (one property, not
 *       required) are unwrapped to the referenced schema, since the wire carries the bare object;</li>
 *   <li>a response schema written as {@code {type: object, properties: {items: X}}} validates an array body as
 *       {@code {type: array, items: X}} (MEC 033 {@code GET /registered_devices}).</li>
 * </ul>
 */
public final class EtsiOpenApi {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Map<Path, EtsiOpenApi> CACHE = new ConcurrentHashMap<>();

    private final Path file;
    private final JsonNode document;
    private final ObjectNode components;
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(false).build();
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

    private EtsiOpenApi(Path file) {
        this.file = file;
        try {
            this.document = YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        this.components = (ObjectNode) tweak(document.path("components").deepCopy());
    }

    /** The parsed file, cached per path. */
    public static EtsiOpenApi load(Path file) {
        return CACHE.computeIfAbsent(file.toAbsolutePath().normalize(), EtsiOpenApi::new);
    }

    public Path file() {
        return file;
    }

    /** Validation errors of {@code body} against {@code #/components/schemas/{name}} (empty = conforms). */
    public List<String> validateAgainstComponent(String name, JsonNode body) {
        if (!components.path("schemas").has(name)) {
            throw new IllegalArgumentException(file.getFileName() + " has no component schema '" + name + "'");
        }
        ObjectNode ref = JsonNodeFactory.instance.objectNode().put("$ref", "#/components/schemas/" + name);
        return validate("component:" + name, ref, body);
    }

    /**
     * Validation errors of {@code body} against the response schema of {@code method path} with {@code status}
     * (path as written in the file, e.g. {@code /services/{serviceId}}).
     */
    public List<String> validateAgainstResponse(String path, String method, int status, JsonNode body) {
        JsonNode response = document.path("paths").path(path).path(method.toLowerCase()).path("responses")
                .path(String.valueOf(status));
        if (response.isMissingNode()) {
            throw new IllegalArgumentException(file.getFileName() + " defines no " + status + " response for "
                    + method + " " + path);
        }
        response = deref(response);
        JsonNode content = response.path("content");
        Iterator<JsonNode> media = content.elements();
        if (!media.hasNext()) {
            throw new IllegalArgumentException(method + " " + path + " " + status + " has no response body schema");
        }
        JsonNode schema = tweak(media.next().path("schema").deepCopy());
        JsonNode props = schema.path("properties");
        if ("object".equals(schema.path("type").asText()) && props.size() == 1 && props.has("items")
                && body.isArray()) {
            // MEC033 GET /registered_devices: an array written as {type: object, properties: {items: ...}}
            schema = JsonNodeFactory.instance.objectNode().put("type", "array").set("items", props.get("items"));
        }
        return validate("response:" + method + " " + path + " " + status, schema, body);
    }

    private JsonNode deref(JsonNode node) {
        String ref = node.path("$ref").asText(null);
        if (ref == null || !ref.startsWith("#/")) {
            return node;
        }
        JsonNode target = document.at(ref.substring(1));
        return deref(target);
    }

    private List<String> validate(String key, JsonNode target, JsonNode body) {
        JsonNode effective = unwrap(target, body);
        JsonSchema schema = schemas.computeIfAbsent(key + "|" + effective, k -> {
            ObjectNode doc = JsonNodeFactory.instance.objectNode();
            doc.set("components", components);
            doc.set("allOf", JsonNodeFactory.instance.arrayNode().add(effective));
            return factory.getSchema(URI.create("urn:oneedge:" + file.getFileName()), doc, config);
        });
        List<String> errors = new ArrayList<>();
        for (ValidationMessage m : schema.validate(body)) {
            errors.add(m.getMessage());
        }
        return errors;
    }

    /** Replaces a one-property wrapper schema by its referenced schema when the body is not wrapped. */
    private JsonNode unwrap(JsonNode schema, JsonNode body) {
        JsonNode resolved = schema.has("$ref") && schema.size() == 1 ? resolveComponent(schema) : schema;
        JsonNode props = resolved.path("properties");
        if ("object".equals(resolved.path("type").asText()) && props.size() == 1 && !resolved.has("required")) {
            String only = props.fieldNames().next();
            JsonNode inner = props.get(only);
            if (inner.has("$ref") && !body.has(only)) {
                return inner;
            }
        }
        return schema;
    }

    private JsonNode resolveComponent(JsonNode refNode) {
        String ref = refNode.get("$ref").asText();
        return ref.startsWith("#/components/") ? Optional.ofNullable(
                components.at(ref.substring("#/components".length()))).orElse(refNode) : refNode;
    }

    /** Applies the tweaks described on the class, recursively. */
    private static JsonNode tweak(JsonNode node) {
        if (node instanceof ObjectNode obj) {
            JsonNode en = obj.get("enum");
            if (en instanceof ArrayNode arr && arr.size() == 1 && obj.has("description")) {
                obj.remove("enum");
            } else if (en instanceof ArrayNode arr) {
                for (JsonNode v : arr) {
                    if ("SEE_DESCRIPTION".equals(v.asText())) {
                        obj.remove("enum");
                        break;
                    }
                }
            }
            if (obj.path("nullable").asBoolean(false) && obj.get("type") != null && obj.get("type").isTextual()) {
                String t = obj.get("type").asText();
                obj.set("type", JsonNodeFactory.instance.arrayNode().add(t).add("null"));
            }
            obj.remove("nullable");
            if (obj.has("$ref") && "object".equals(obj.path("type").asText(null))) {
                obj.remove("type"); // RniAPI.yaml: `$ref: CellId` (a string) beside `type: object`; the $ref decides
            }
            List<String> names = new ArrayList<>();
            obj.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode child = obj.get(name);
                if (isSchemaMap(name)) {
                    if (child instanceof ObjectNode map) {
                        map.fields().forEachRemaining(e -> tweak(e.getValue()));
                    }
                } else if (name.startsWith("x-") || name.contains("'")) {
                    obj.remove(name);
                } else {
                    tweak(child);
                }
            }
        } else if (node instanceof ArrayNode arr) {
            arr.forEach(EtsiOpenApi::tweak);
        }
        return node;
    }

    private static boolean isSchemaMap(String name) {
        return name.equals("properties") || name.equals("schemas") || name.equals("patternProperties")
                || name.equals("$defs") || name.equals("responses") || name.equals("parameters");
    }
}
