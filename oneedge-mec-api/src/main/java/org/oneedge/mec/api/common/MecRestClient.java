package org.oneedge.mec.api.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Blocking JSON-over-HTTP plumbing shared by the typed MEC clients ({@code java.net.http}): it builds URLs from an
 * API base URL, encodes and decodes bodies with {@link MecJson}, and turns every non-2xx answer into a
 * {@link MecProblemException} carrying the server's {@link ProblemDetails} (or one synthesised from the status).
 */
public final class MecRestClient {

    /** A decoded 2xx answer: status, body and the {@code Location} header if any. */
    public record Result<T>(int status, T body, Optional<String> location) {
    }

    private final URI baseUrl;
    private final HttpClient http;
    private final ObjectMapper mapper;
    private final Duration timeout;

    /**
     * @param baseUrl the API root, e.g. {@code http://127.0.0.1:8090/mec_service_mgmt/v1} (a trailing slash is
     *                ignored)
     */
    public MecRestClient(String baseUrl, HttpClient http, ObjectMapper mapper, Duration timeout) {
        String trimmed = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.baseUrl = URI.create(trimmed);
        this.http = Objects.requireNonNull(http, "http");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /**
     * A client with a new HTTP/1.1 {@link HttpClient} (no h2c upgrade round trips), the standard mapper and a 10 s
     * request timeout.
     */
    public static MecRestClient of(String baseUrl) {
        return new MecRestClient(baseUrl, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5)).build(),
                MecJson.newObjectMapper(), Duration.ofSeconds(10));
    }

    public URI baseUrl() {
        return baseUrl;
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    public <T> Result<T> get(String path, Class<T> type) {
        return exchange("GET", path, null, mapper.constructType(type));
    }

    public <T> Result<T> get(String path, TypeReference<T> type) {
        return exchange("GET", path, null, mapper.constructType(type));
    }

    public <T> Result<T> post(String path, Object body, Class<T> type) {
        return exchange("POST", path, body, type == null ? null : mapper.constructType(type));
    }

    public <T> Result<T> put(String path, Object body, Class<T> type) {
        return exchange("PUT", path, body, type == null ? null : mapper.constructType(type));
    }

    public <T> Result<T> patch(String path, Object body, Class<T> type) {
        return exchange("PATCH", path, body, type == null ? null : mapper.constructType(type));
    }

    public Result<Void> delete(String path) {
        return exchange("DELETE", path, null, null);
    }

    /**
     * Sends one request. {@code path} is relative to the base URL (starting with {@code /}) or an absolute URL;
     * a {@code null} response type ignores the body.
     */
    public <T> Result<T> exchange(String method, String path, Object body, JavaType responseType) {
        URI uri = path.startsWith("http://") || path.startsWith("https://") ? URI.create(path)
                : URI.create(baseUrl + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Accept", "application/json, application/problem+json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(encode(body)));
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + uri + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + uri + " interrupted", e);
        }
        int status = response.statusCode();
        Optional<String> location = response.headers().firstValue("Location");
        if (status / 100 != 2) {
            throw new MecProblemException(problemOf(status, response.body(), method + " " + uri));
        }
        if (responseType == null || response.body().length == 0) {
            return new Result<>(status, null, location);
        }
        try {
            T decoded = mapper.readValue(response.body(), responseType);
            return new Result<>(status, decoded, location);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot decode answer of " + method + " " + uri + ": " + e.getMessage(), e);
        }
    }

    private byte[] encode(Object body) {
        try {
            return body instanceof byte[] bytes ? bytes : mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot encode request body: " + e.getMessage(), e);
        }
    }

    private ProblemDetails problemOf(int status, byte[] body, String request) {
        if (body.length > 0) {
            try {
                ProblemDetails problem = mapper.readValue(body, ProblemDetails.class);
                if (problem.status() != null || problem.detail() != null) {
                    return problem.status() == null
                            ? new ProblemDetails(problem.type(), problem.title(), status, problem.detail(),
                            problem.instance())
                            : problem;
                }
            } catch (IOException ignored) {
                // not a ProblemDetails body: fall through to a synthesised problem
            }
        }
        return ProblemDetails.of(status, "HTTP " + status, request + " answered " + status);
    }
}
