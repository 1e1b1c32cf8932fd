package org.oneedge.app;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** Plain TS-0009 requests over java.net.http for the app's end-to-end tests. */
final class WireClient implements AutoCloseable {
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicLong rqi = new AtomicLong();

    HttpResponse<String> create(String url, String origin, int ty, String json) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .header("X-M2M-Origin", origin)
                .header("X-M2M-RI", "rq-" + rqi.incrementAndGet())
                .header("X-M2M-RVI", "3")
                .header("Accept", "application/json")
                .header("Content-Type", "application/json;ty=" + ty)
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> retrieve(String url, String origin) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .header("X-M2M-Origin", origin)
                .header("X-M2M-RI", "rq-" + rqi.incrementAndGet())
                .header("X-M2M-RVI", "3")
                .header("Accept", "application/json")
                .GET()
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        http.close();
    }
}
