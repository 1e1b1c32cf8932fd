package org.oneedge.mec.platform.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.javalin.http.Context;
import org.oneedge.mec.api.common.MecProblemException;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * One request to a MEC API as its handler sees it: the MEC host view ({@link #hostName()}, {@code null} for the
 * system-wide view), parameters, the JSON body decoded with a 400 on anything malformed, links built from the
 * request's own base URL, and the answer.
 */
public final class MecExchange {

    private final Context ctx;
    private final String hostName;
    private final String apiBaseUrl;
    private final ObjectMapper mapper;

    MecExchange(Context ctx, String hostName, String basePath, ObjectMapper mapper) {
        this.ctx = ctx;
        this.hostName = hostName;
        this.mapper = mapper;
        String origin = ctx.scheme() + "://" + ctx.host();
        this.apiBaseUrl = origin + (hostName == null ? "" : "/" + hostName) + basePath;
    }

    /** Scheme, host and port the client addressed, e.g. {@code http://127.0.0.1:8090}. */
    public String origin() {
        return ctx.scheme() + "://" + ctx.host();
    }

    /** The MEC host whose view is asked for ({@code /{hostName}/...}), or {@code null} for the system-wide view. */
    public String hostName() {
        return hostName;
    }

    public String method() {
        return ctx.method().name();
    }

    public String pathParam(String name) {
        return ctx.pathParam(name);
    }

    /** The single value of a query parameter, or {@code null}; several values are joined with commas. */
    public String queryParam(String name) {
        List<String> values = ctx.queryParams(name);
        return values.isEmpty() ? null : String.join(",", values);
    }

    /**
     * All values of a query parameter, also splitting comma-separated lists ({@code a=x,y} and {@code a=x&a=y} are
     * the same, MEC 009 style array parameters).
     */
    public List<String> queryParams(String name) {
        return ctx.queryParams(name).stream()
                .flatMap(v -> Arrays.stream(v.split(",")))
                .map(String::trim)
                .filter(v -> !v.isEmpty())
                .toList();
    }

    public Set<String> queryParamNames() {
        return ctx.queryParamMap().keySet();
    }

    /** 400 if the request carries a query parameter this resource does not define. */
    public MecExchange allowOnlyQueryParams(String... allowed) {
        Set<String> known = Set.of(allowed);
        Set<String> unknown = new TreeSet<>(queryParamNames());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw MecProblemException.badRequest("unsupported query parameter(s) " + unknown + "; this resource accepts "
                    + (known.isEmpty() ? "none" : new TreeSet<>(known)));
        }
        return this;
    }

    /** A boolean query parameter: {@code null} if absent, 400 if not {@code true}/{@code false}. */
    public Boolean booleanQueryParam(String name) {
        String v = queryParam(name);
        if (v == null) {
            return null;
        }
        return switch (v.toLowerCase()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw MecProblemException.badRequest("query parameter " + name + " must be true or false, was '"
                    + v + "'");
        };
    }

    /** An enum query parameter: {@code null} if absent, 400 naming the allowed values otherwise. */
    public <E extends Enum<E>> E enumQueryParam(String name, Class<E> type) {
        String v = queryParam(name);
        if (v == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, v);
        } catch (IllegalArgumentException e) {
            throw MecProblemException.badRequest("query parameter " + name + " must be one of "
                    + Arrays.toString(type.getEnumConstants()) + ", was '" + v + "'");
        }
    }

    public String header(String name) {
        return ctx.header(name);
    }

    /** The raw request body. */
    public byte[] rawBody() {
        return ctx.bodyAsBytes();
    }

    /** The JSON body as a tree; 400 if missing or not JSON. */
    public JsonNode bodyTree() {
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length == 0) {
            throw MecProblemException.badRequest("request body is missing");
        }
        try {
            JsonNode node = mapper.readTree(bytes);
            if (node == null || node.isMissingNode()) {
                throw MecProblemException.badRequest("request body is missing");
            }
            return node;
        } catch (IOException e) {
            throw MecProblemException.badRequest("request body is not valid JSON: " + firstLine(e.getMessage()));
        }
    }

    /**
     * The JSON body decoded as {@code type}; 400 with a detail naming the field if it is missing, not JSON, has a
     * wrong type or value, or the record's own checks reject it.
     */
    public <T> T body(Class<T> type) {
        return convert(bodyTree(), type);
    }

    /** Decodes a JSON tree as {@code type} with the same 400 mapping as {@link #body(Class)}. */
    public <T> T convert(JsonNode node, Class<T> type) {
        try {
            T value = mapper.treeToValue(node, type);
            if (value == null) {
                throw MecProblemException.badRequest("request body must be a JSON object");
            }
            return value;
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw MecProblemException.badRequest("invalid " + type.getSimpleName() + ": " + cause.getMessage());
        } catch (InvalidFormatException e) {
            throw MecProblemException.badRequest("invalid " + type.getSimpleName() + ": field '" + pathOf(e)
                    + "' has invalid value " + e.getValue());
        } catch (MismatchedInputException e) {
            throw MecProblemException.badRequest("invalid " + type.getSimpleName() + ": field '" + pathOf(e)
                    + "': " + firstLine(e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            throw MecProblemException.badRequest("invalid " + type.getSimpleName() + ": "
                    + firstLine(e.getOriginalMessage()));
        } catch (IllegalArgumentException e) {
            throw MecProblemException.badRequest("invalid " + type.getSimpleName() + ": " + e.getMessage());
        }
    }

    private static String pathOf(MismatchedInputException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /**
     * The URL of this API as the client addressed it, including the host view, e.g.
     * {@code http://127.0.0.1:8090/mep1/mec_service_mgmt/v1}.
     */
    public String apiBaseUrl() {
        return apiBaseUrl;
    }

    /** An absolute link to {@code relPath} (starting with {@code /}) under this API, for {@code _links.self.href}. */
    public String href(String relPath) {
        return apiBaseUrl + relPath;
    }

    /** The request's full URL (for {@code ProblemDetails.instance} and list {@code _links.self}). */
    public String requestUrl() {
        return ctx.fullUrl();
    }

    public void ok(Object body) {
        respond(200, body);
    }

    /** 201 with {@code Location}. */
    public void created(String location, Object body) {
        ctx.header("Location", location);
        respond(201, body);
    }

    /** 202 with {@code Location} (asynchronous operations such as 010-2 instantiate). */
    public void accepted(String location, Object body) {
        ctx.header("Location", location);
        respond(202, body);
    }

    public void noContent() {
        ctx.status(204);
    }

    public void respond(int status, Object body) {
        ctx.status(status);
        if (body != null) {
            try {
                ctx.contentType("application/json").result(mapper.writeValueAsBytes(body));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot encode response body", e);
            }
        }
    }

    /** Sets a response header. */
    public MecExchange responseHeader(String name, String value) {
        ctx.header(name, value);
        return this;
    }

    /** Access to all query parameters (for APIs with free-form filters). */
    public Map<String, List<String>> queryParamMap() {
        return ctx.queryParamMap();
    }
}
