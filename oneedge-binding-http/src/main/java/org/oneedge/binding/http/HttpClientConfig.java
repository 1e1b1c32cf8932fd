package org.oneedge.binding.http;

import java.time.Duration;

/**
 * Configuration of the HTTP client side ({@link HttpRemoteSender}, {@link HttpCseClient}).
 *
 * @param connectTimeout    time to open a TCP connection; default 5 s. Past it the answer is 5103 TARGET_NOT_REACHABLE
 * @param requestTimeout    time to wait for a response once sent; default 10 s. Past it the answer is 4008
 *                          REQUEST_TIMEOUT. For {@code http://} it bounds each read of the answer
 * @param maxIdlePerOrigin  keep-alive connections kept open per {@code http://} origin between requests; default 1024:
 *                          one client is typically shared by all devices or forwarders of a node, and closing
 *                          connections its concurrency needs again a moment later costs a reconnect each (one run of
 *                          {@code bench handover --devices 1000}: moving all devices 10.9 s with 256, 6.5 s with 1024)
 * @param maxIdleTime       longest idle time of a connection that is still reused; default 25 s, a few seconds below
 *                          the server's idle timeout ({@link HttpBindingConfig#DEFAULT_IDLE_TIMEOUT}) so the client
 *                          does not send on a connection the server is closing
 */
public record HttpClientConfig(Duration connectTimeout, Duration requestTimeout, int maxIdlePerOrigin,
                               Duration maxIdleTime) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_MAX_IDLE_PER_ORIGIN = 1024;
    public static final Duration DEFAULT_MAX_IDLE_TIME = Duration.ofSeconds(25);

    public HttpClientConfig {
        if (connectTimeout == null || connectTimeout.isNegative() || connectTimeout.isZero()
                || requestTimeout == null || requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
        if (maxIdlePerOrigin < 0) {
            throw new IllegalArgumentException("maxIdlePerOrigin must not be negative, got " + maxIdlePerOrigin);
        }
        if (maxIdleTime == null || maxIdleTime.isNegative() || maxIdleTime.isZero()) {
            throw new IllegalArgumentException("maxIdleTime must be positive");
        }
    }

    public static HttpClientConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link HttpClientConfig} starting from the defaults. */
    public static final class Builder {
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private int maxIdlePerOrigin = DEFAULT_MAX_IDLE_PER_ORIGIN;
        private Duration maxIdleTime = DEFAULT_MAX_IDLE_TIME;

        public Builder connectTimeout(Duration v) { connectTimeout = v; return this; }
        public Builder requestTimeout(Duration v) { requestTimeout = v; return this; }
        public Builder maxIdlePerOrigin(int v) { maxIdlePerOrigin = v; return this; }
        public Builder maxIdleTime(Duration v) { maxIdleTime = v; return this; }

        public HttpClientConfig build() {
            return new HttpClientConfig(connectTimeout, requestTimeout, maxIdlePerOrigin, maxIdleTime);
        }
    }
}
