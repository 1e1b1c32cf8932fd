package org.oneedge.mec.platform;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Configuration of a {@link MecPlatform}, one record with documented defaults (see {@link #builder()}).
 *
 * @param host                       interface the HTTP server binds to (default {@code 127.0.0.1})
 * @param port                       TCP port; 0 picks a free port (default 0; the {@code oneedge} app uses 8090)
 * @param hostNames                  names of the emulated MEC hosts; each API is also served under
 *                                   {@code /{hostName}/...} (default {@code [mep1]})
 * @param clock                      time source for timestamps and expiry (default UTC system clock)
 * @param publicBaseUrl              URL clients reach the platform at, used in registered service transports when
 *                                   the platform sits behind a proxy; {@code null} = {@code http://host:port}
 *                                   (default {@code null})
 * @param notificationTimeout        HTTP timeout of one notification POST (default 5 s)
 * @param notificationMaxAttempts    attempts per notification before it is dropped (default 3)
 * @param notificationInitialBackoff wait before the first retry, doubled per retry (default 200 ms)
 * @param notificationQueueCapacity  notifications queued per delivery lane of a callback URL before new ones are
 *                                   dropped; latest-value reports may use half of it (default 4096)
 * @param expiryCheckInterval        how often subscription {@code expiryDeadline}s are checked (default 1 s)
 * @param appTerminationGracePeriod  {@code maxGracefulTimeout} announced in {@code AppTerminationNotification}
 *                                   and waited for {@code confirm_termination} (MEC 011 5.2.x; default 10 s)
 * @param metricsSampleInterval      how often the metrics service samples host figures for threshold
 *                                   subscriptions (emulated hosts also notify on every change; default 1 s)
 * @param notificationLanes          concurrent deliveries per callback URL, each UE's notifications staying in
 *                                   order in one lane (default 4)
 */
public record MecPlatformConfig(String host, int port, List<String> hostNames, Clock clock, String publicBaseUrl,
                                Duration notificationTimeout, int notificationMaxAttempts,
                                Duration notificationInitialBackoff, int notificationQueueCapacity,
                                Duration expiryCheckInterval, Duration appTerminationGracePeriod,
                                Duration metricsSampleInterval, int notificationLanes) {

    public MecPlatformConfig {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        hostNames = List.copyOf(hostNames);
        if (hostNames.isEmpty()) {
            throw new IllegalArgumentException("at least one MEC host name is required");
        }
        for (String name : hostNames) {
            if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
                throw new IllegalArgumentException("MEC host name must be a URL path segment, was '" + name + "'");
            }
        }
        if (hostNames.stream().distinct().count() != hostNames.size()) {
            throw new IllegalArgumentException("MEC host names must be unique: " + hostNames);
        }
        Objects.requireNonNull(clock, "clock");
        requirePositive(notificationTimeout, "notificationTimeout");
        requirePositive(notificationInitialBackoff, "notificationInitialBackoff");
        requirePositive(expiryCheckInterval, "expiryCheckInterval");
        requirePositive(appTerminationGracePeriod, "appTerminationGracePeriod");
        requirePositive(metricsSampleInterval, "metricsSampleInterval");
        if (notificationMaxAttempts < 1 || notificationQueueCapacity < 1 || notificationLanes < 1) {
            throw new IllegalArgumentException("notificationMaxAttempts, notificationQueueCapacity and "
                    + "notificationLanes must be >= 1");
        }
        if (publicBaseUrl != null && publicBaseUrl.endsWith("/")) {
            publicBaseUrl = publicBaseUrl.substring(0, publicBaseUrl.length() - 1);
        }
    }

    private static void requirePositive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, was " + d);
        }
    }

    /** The defaults: loopback, free port, one host {@code mep1}. */
    public static MecPlatformConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.host = host;
        b.port = port;
        b.hostNames = hostNames;
        b.clock = clock;
        b.publicBaseUrl = publicBaseUrl;
        b.notificationTimeout = notificationTimeout;
        b.notificationMaxAttempts = notificationMaxAttempts;
        b.notificationInitialBackoff = notificationInitialBackoff;
        b.notificationQueueCapacity = notificationQueueCapacity;
        b.expiryCheckInterval = expiryCheckInterval;
        b.appTerminationGracePeriod = appTerminationGracePeriod;
        b.metricsSampleInterval = metricsSampleInterval;
        b.notificationLanes = notificationLanes;
        return b;
    }

    /** Builder with the defaults documented on {@link MecPlatformConfig}. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 0;
        private List<String> hostNames = List.of("mep1");
        private Clock clock = Clock.systemUTC();
        private String publicBaseUrl;
        private Duration notificationTimeout = Duration.ofSeconds(5);
        private int notificationMaxAttempts = 3;
        private Duration notificationInitialBackoff = Duration.ofMillis(200);
        private int notificationQueueCapacity = 4096;
        private int notificationLanes = 4;
        private Duration expiryCheckInterval = Duration.ofSeconds(1);
        private Duration appTerminationGracePeriod = Duration.ofSeconds(10);
        private Duration metricsSampleInterval = Duration.ofSeconds(1);

        private Builder() {
        }

        public Builder host(String v) { host = v; return this; }
        public Builder port(int v) { port = v; return this; }
        public Builder hostNames(List<String> v) { hostNames = v; return this; }
        public Builder hostNames(String... v) { hostNames = List.of(v); return this; }
        public Builder clock(Clock v) { clock = v; return this; }
        public Builder publicBaseUrl(String v) { publicBaseUrl = v; return this; }
        public Builder notificationTimeout(Duration v) { notificationTimeout = v; return this; }
        public Builder notificationMaxAttempts(int v) { notificationMaxAttempts = v; return this; }
        public Builder notificationInitialBackoff(Duration v) { notificationInitialBackoff = v; return this; }
        public Builder notificationQueueCapacity(int v) { notificationQueueCapacity = v; return this; }
        public Builder expiryCheckInterval(Duration v) { expiryCheckInterval = v; return this; }
        public Builder appTerminationGracePeriod(Duration v) { appTerminationGracePeriod = v; return this; }
        public Builder metricsSampleInterval(Duration v) { metricsSampleInterval = v; return this; }
        public Builder notificationLanes(int v) { notificationLanes = v; return this; }

        public MecPlatformConfig build() {
            return new MecPlatformConfig(host, port, hostNames, clock, publicBaseUrl, notificationTimeout,
                    notificationMaxAttempts, notificationInitialBackoff, notificationQueueCapacity,
                    expiryCheckInterval, appTerminationGracePeriod, metricsSampleInterval, notificationLanes);
        }
    }
}
