package org.oneedge.binding.http;

import java.time.Duration;

/**
 * Configuration of the HTTP client side ({@link HttpRemoteSender}, {@link HttpCseClient}).
 *
 * @param connectTimeout time to open a TCP connection; default 5 s. Past it the answer is 5103 TARGET_NOT_REACHABLE
 * @param requestTimeout time to wait for a response once sent; default 10 s. Past it the answer is 4008 REQUEST_TIMEOUT
 */
public record HttpClientConfig(Duration connectTimeout, Duration requestTimeout) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);

    public HttpClientConfig {
        if (connectTimeout == null || connectTimeout.isNegative() || connectTimeout.isZero()
                || requestTimeout == null || requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
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

        public Builder connectTimeout(Duration v) { connectTimeout = v; return this; }
        public Builder requestTimeout(Duration v) { requestTimeout = v; return this; }

        public HttpClientConfig build() {
            return new HttpClientConfig(connectTimeout, requestTimeout);
        }
    }
}
