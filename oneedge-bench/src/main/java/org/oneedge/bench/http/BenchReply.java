package org.oneedge.bench.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** What came back: the HTTP status, headers (lower-case names) and body. */
public record BenchReply(int status, Map<String, String> headers, byte[] body) {

    public String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
