package org.oneedge.binding.http.wire;

import java.util.Map;
import java.util.TreeMap;

/**
 * An HTTP request reduced to what the oneM2M mapping reads (TS-0009 6.2), independent of the HTTP library, so that
 * the server (Jetty) and the client ({@code java.net.http}) share one codec.
 *
 * @param method   HTTP method, upper case
 * @param path     request-target path as sent on the wire (still percent-encoded), starting with {@code /}
 * @param rawQuery query string as sent on the wire without the {@code ?}, or null
 * @param headers  header values by case-insensitive name (first value of a repeated header)
 * @param body     the message body, empty when none
 */
public record WireRequest(String method, String path, String rawQuery, Map<String, String> headers, byte[] body) {

    public WireRequest {
        if (method == null || path == null) {
            throw new IllegalArgumentException("method and path are mandatory");
        }
        headers = caseInsensitiveCopy(headers);
        body = body == null ? new byte[0] : body;
    }

    /** The header's value, or null; names are case-insensitive (TS-0009 6.2.2). */
    public String header(String name) {
        return headers.get(name);
    }

    /** Path and query as one request-target ({@code /cse-in/cnt?rcn=1}). */
    public String pathAndQuery() {
        return rawQuery == null || rawQuery.isEmpty() ? path : path + "?" + rawQuery;
    }

    static Map<String, String> caseInsensitiveCopy(Map<String, String> headers) {
        TreeMap<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            headers.forEach((k, v) -> copy.putIfAbsent(k, v));
        }
        return java.util.Collections.unmodifiableMap(copy);
    }
}
