package org.oneedge.cse.remote;

import java.time.Duration;
import java.util.List;

/**
 * Where and how a CSE registers upward (TS-0001 10.2.2.7, digest §4.3); the configuration of {@link CseRegistrar}.
 *
 * @param registrarCseId         SP-relative CSE-ID of the registrar, e.g. {@code /id-in}
 * @param registrarCseBaseName   the registrar's CSEBase name, e.g. {@code cse-in}
 * @param pointsOfAccess         the registrar's URLs ({@code http://…} or {@code mqtt://…}), tried in order
 * @param retryInterval          first pause after a failed attempt, doubled up to {@code maxRetryInterval}; default 1 s
 * @param maxRetryInterval       the longest pause between attempts; default 30 s
 * @param refreshInterval        how often the registration is checked and {@code poa}/{@code dcse} kept current;
 *                               default 10 s
 * @param deregisterOnShutdown   delete both {@code <remoteCSE>} on a clean stop; default true
 * @param requestReachable       the {@code rr} of this CSE's {@code <remoteCSE>}; false when the registrar cannot
 *                               send requests to this CSE (behind NAT, no server): this CSE then creates a
 *                               {@code <pollingChannel>} under its {@code <remoteCSE>} at the registrar and long-polls
 *                               it (digest §8.3); default true
 * @param pollDuration           with {@code requestReachable=false}: how long one poll waits (sent as relative
 *                               {@code rqet}); keep it below the transport's request timeout; default 5 s
 */
public record RegistrarConfig(String registrarCseId, String registrarCseBaseName, List<String> pointsOfAccess,
                              Duration retryInterval, Duration maxRetryInterval, Duration refreshInterval,
                              boolean deregisterOnShutdown, boolean requestReachable, Duration pollDuration) {

    public RegistrarConfig {
        if (!RemoteCseHandler.isCseId(registrarCseId)) {
            throw new IllegalArgumentException("registrar CSE-ID must be SP-relative like '/id-in': " + registrarCseId);
        }
        if (registrarCseBaseName == null || registrarCseBaseName.isBlank()) {
            throw new IllegalArgumentException("registrar CSEBase name is required");
        }
        pointsOfAccess = List.copyOf(pointsOfAccess);
        if (pointsOfAccess.isEmpty()) {
            throw new IllegalArgumentException("at least one registrar point of access (URL) is required");
        }
        if (retryInterval.isNegative() || retryInterval.isZero() || maxRetryInterval.compareTo(retryInterval) < 0
                || refreshInterval.isNegative() || refreshInterval.isZero() || pollDuration == null
                || pollDuration.isNegative() || pollDuration.isZero()) {
            throw new IllegalArgumentException("intervals and the poll duration must be positive and "
                    + "maxRetryInterval >= retryInterval");
        }
    }

    public static Builder builder(String registrarCseId, String registrarCseBaseName, List<String> pointsOfAccess) {
        return new Builder(registrarCseId, registrarCseBaseName, pointsOfAccess);
    }

    /** Builds a {@link RegistrarConfig} with the documented defaults. */
    public static final class Builder {
        private final String cseId;
        private final String cseBaseName;
        private final List<String> poa;
        private Duration retryInterval = Duration.ofSeconds(1);
        private Duration maxRetryInterval = Duration.ofSeconds(30);
        private Duration refreshInterval = Duration.ofSeconds(10);
        private boolean deregisterOnShutdown = true;
        private boolean requestReachable = true;
        private Duration pollDuration = Duration.ofSeconds(5);

        private Builder(String cseId, String cseBaseName, List<String> poa) {
            this.cseId = cseId;
            this.cseBaseName = cseBaseName;
            this.poa = poa;
        }

        public Builder retryInterval(Duration v) { retryInterval = v; return this; }
        public Builder maxRetryInterval(Duration v) { maxRetryInterval = v; return this; }
        public Builder refreshInterval(Duration v) { refreshInterval = v; return this; }
        public Builder deregisterOnShutdown(boolean v) { deregisterOnShutdown = v; return this; }
        public Builder requestReachable(boolean v) { requestReachable = v; return this; }
        public Builder pollDuration(Duration v) { pollDuration = v; return this; }

        public RegistrarConfig build() {
            return new RegistrarConfig(cseId, cseBaseName, poa, retryInterval,
                    maxRetryInterval.compareTo(retryInterval) < 0 ? retryInterval : maxRetryInterval,
                    refreshInterval, deregisterOnShutdown, requestReachable, pollDuration);
        }
    }
}
