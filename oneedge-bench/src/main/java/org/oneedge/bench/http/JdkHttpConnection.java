package org.oneedge.bench.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Benchmark requests through one shared {@link HttpClient} (HTTP/1.1 keep-alive, its own connection pool). */
final class JdkHttpConnection implements BenchConnection {
    private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection");

    /** The one client all benchmark threads share. */
    static final class Shared implements AutoCloseable {
        final URI server;
        final HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();

        Shared(URI server) {
            this.server = server;
        }

        @Override
        public void close() {
            client.close();
        }
    }

    private final Shared shared;

    JdkHttpConnection(Shared shared) {
        this.shared = shared;
    }

    @Override
    public BenchReply send(BenchRequest request) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(shared.server.resolve(request.path()))
                .timeout(Duration.ofSeconds(30))
                .method(request.method(), request.body().length == 0 && request.method().equals("GET")
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach((k, v) -> {
            if (!RESTRICTED.contains(k.toLowerCase(Locale.ROOT))) {
                b.header(k, v);
            }
        });
        try {
            HttpResponse<byte[]> r = shared.client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            Map<String, String> headers = new HashMap<>();
            for (Map.Entry<String, List<String>> e : r.headers().map().entrySet()) {
                headers.put(e.getKey().toLowerCase(Locale.ROOT), String.join(",", e.getValue()));
            }
            return new BenchReply(r.statusCode(), headers, r.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    @Override
    public void close() {
        // the shared client is closed by its factory
    }
}
