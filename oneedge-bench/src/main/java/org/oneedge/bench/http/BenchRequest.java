package org.oneedge.bench.http;

import java.util.Map;

/**
 * One HTTP request a benchmark client sends: method, path (with query) and headers, all fixed before the clock
 * starts so that building it is not measured.
 */
public record BenchRequest(String method, String path, Map<String, String> headers, byte[] body) {

    public BenchRequest {
        headers = Map.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }
}
