package org.oneedge.mec.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.oneedge.mec.api.common.MecJson;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/** Raw HTTP calls for platform tests: exact bytes out, status/headers/JSON back. */
public final class TestHttp {

    /** One answer. */
    public record Answer(int status, String body, HttpResponse<String> raw) {
        public JsonNode json() {
            try {
                return body.isEmpty() ? MAPPER.nullNode() : MAPPER.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("answer is not JSON: " + body, e);
            }
        }

        public Optional<String> header(String name) {
            return raw.headers().firstValue(name);
        }
    }

    static final ObjectMapper MAPPER = MecJson.newObjectMapper();
    /** The mapper the tests use to build JSON. */
    public static final ObjectMapper MAPPER_FOR_TESTS = MAPPER;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    private TestHttp() {
    }

    public static Answer get(String url) {
        return send("GET", url, null);
    }

    public static Answer delete(String url) {
        return send("DELETE", url, null);
    }

    public static Answer post(String url, String json) {
        return send("POST", url, json);
    }

    public static Answer put(String url, String json) {
        return send("PUT", url, json);
    }

    public static Answer patch(String url, String json) {
        return send("PATCH", url, json);
    }

    public static Answer post(String url, Object body) {
        return send("POST", url, write(body));
    }

    public static Answer put(String url, Object body) {
        return send("PUT", url, write(body));
    }

    public static String write(Object body) {
        try {
            return MAPPER.writeValueAsString(body);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    public static Answer send(String method, String url, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (json == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        }
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body(), r);
        } catch (IOException e) {
            throw new AssertionError(method + " " + url + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
