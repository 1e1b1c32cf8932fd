package org.oneedge.binding.http;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import org.oneedge.binding.http.Http11Connection.NotAnsweredException;
import org.oneedge.binding.http.wire.WireResponse;

/**
 * Keeps idle {@link Http11Connection}s per {@code http://} origin so that requests reuse connections (RFC 9112 9.3)
 * without any shared lock: a request takes the most recently used idle connection of its origin or opens a new one,
 * runs on the caller's thread, and gives the connection back after a complete keep-alive answer.
 *
 * <p>At most {@link HttpClientConfig#maxIdlePerOrigin()} connections wait per origin (more are closed); one idle
 * longer than {@link HttpClientConfig#maxIdleTime()}, a few seconds below the server's idle timeout, is closed rather
 * than reused, since the server may be closing it at that very moment. A request that fails on a reused connection
 * before any byte of the answer arrived (the server had closed it) is sent once more on a fresh connection.
 */
final class Http11ConnectionPool implements AutoCloseable {

    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final int maxIdlePerOrigin;
    private final long maxIdleNanos;
    private final Map<String, Origin> origins = new ConcurrentHashMap<>();
    private volatile boolean closed;

    Http11ConnectionPool(HttpClientConfig config) {
        this.connectTimeout = config.connectTimeout();
        this.readTimeout = config.requestTimeout();
        this.maxIdlePerOrigin = config.maxIdlePerOrigin();
        this.maxIdleNanos = config.maxIdleTime().toNanos();
    }

    /**
     * Sends one request to {@code origin} ({@code http://authority}) and returns the whole answer.
     *
     * @param target  path and query as sent on the wire
     * @param headers request headers, already checked by {@link Http11Connection#checkHeader}
     * @throws IOException as {@link Http11Connection} throws it (timeouts as {@code java.net.http} exceptions)
     */
    WireResponse send(String origin, String method, String target, Map<String, String> headers, byte[] body)
            throws IOException {
        if (closed) {
            throw new IOException("HTTP client closed");
        }
        Origin to = origins.computeIfAbsent(origin, Origin::parse);
        Http11Connection connection = to.takeIdle(maxIdleNanos);
        boolean reused = connection != null;
        if (connection == null) {
            connection = to.open(connectTimeout, readTimeout);
        }
        WireResponse answer;
        try {
            answer = connection.exchange(method, target, headers, body);
        } catch (NotAnsweredException e) {
            if (!reused) {
                throw e.getCause();
            }
            connection = to.open(connectTimeout, readTimeout); // the server had closed the idle connection
            try {
                answer = connection.exchange(method, target, headers, body);
            } catch (NotAnsweredException again) {
                throw again.getCause();
            }
        }
        to.giveBack(connection, maxIdlePerOrigin, maxIdleNanos);
        if (closed) {
            to.closeIdle();
        }
        return answer;
    }

    /** Number of idle connections kept for {@code origin}, for tests. */
    int idleConnections(String origin) {
        Origin o = origins.get(origin);
        return o == null ? 0 : o.idle.get();
    }

    /** Closes the idle connections; requests under way finish and then close theirs. */
    @Override
    public void close() {
        closed = true;
        origins.values().forEach(Origin::closeIdle);
    }

    /** The idle connections of one origin, most recently used first. */
    private static final class Origin {
        final String host;
        final int port;
        final String authority;
        final ConcurrentLinkedDeque<Http11Connection> connections = new ConcurrentLinkedDeque<>();
        final AtomicInteger idle = new AtomicInteger();

        private Origin(String host, int port, String authority) {
            this.host = host;
            this.port = port;
            this.authority = authority;
        }

        static Origin parse(String origin) {
            URI uri = URI.create(origin);
            String host = uri.getHost();
            if (host == null || uri.getRawAuthority() == null) {
                throw new IllegalArgumentException("no host in " + origin);
            }
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            return new Origin(host, uri.getPort() > 0 ? uri.getPort() : 80, uri.getRawAuthority());
        }

        Http11Connection open(Duration connectTimeout, Duration readTimeout) throws IOException {
            return Http11Connection.open(host, port, authority, connectTimeout, readTimeout);
        }

        Http11Connection takeIdle(long maxIdleNanos) {
            for (Http11Connection c = connections.pollFirst(); c != null; c = connections.pollFirst()) {
                idle.decrementAndGet();
                if (c.reusable() && System.nanoTime() - c.idleSinceNanos() < maxIdleNanos) {
                    return c;
                }
                c.close();
            }
            return null;
        }

        void giveBack(Http11Connection c, int maxIdle, long maxIdleNanos) {
            if (!c.reusable()) {
                c.close();
                return;
            }
            if (idle.incrementAndGet() > maxIdle) {
                idle.decrementAndGet();
                c.close();
                return;
            }
            connections.offerFirst(c);
            Http11Connection oldest = connections.peekLast(); // the least recently used may have outlived its time
            if (oldest != null && oldest != c && System.nanoTime() - oldest.idleSinceNanos() >= maxIdleNanos
                    && connections.removeLastOccurrence(oldest)) {
                idle.decrementAndGet();
                oldest.close();
            }
        }

        void closeIdle() {
            for (Http11Connection c = connections.pollFirst(); c != null; c = connections.pollFirst()) {
                idle.decrementAndGet();
                c.close();
            }
        }
    }
}
