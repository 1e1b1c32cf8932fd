package org.oneedge.bench.http;

import java.net.URI;
import java.util.function.Supplier;

/**
 * The HTTP clients a benchmark can use. {@code raw} (default) is a minimal HTTP/1.1 keep-alive client on a plain
 * socket, one connection per client thread, so that the client costs little of the 2 cores it shares with the
 * server; {@code jdk} is one shared {@link java.net.http.HttpClient} (HTTP/1.1 keep-alive) for comparison.
 */
public enum BenchClientKind {
    RAW, JDK;

    /** A factory of per-thread connections to {@code server}; close it after the last connection is closed. */
    public ConnectionFactory factory(URI server) {
        return switch (this) {
            case RAW -> new ConnectionFactory(() -> new RawHttpConnection(server), () -> { });
            case JDK -> {
                JdkHttpConnection.Shared shared = new JdkHttpConnection.Shared(server);
                yield new ConnectionFactory(() -> new JdkHttpConnection(shared), shared::close);
            }
        };
    }

    /** Opens connections of one kind to one server. */
    public record ConnectionFactory(Supplier<BenchConnection> opener, Runnable closer) implements AutoCloseable {
        public BenchConnection open() {
            return opener.get();
        }

        @Override
        public void close() {
            closer.run();
        }
    }
}
