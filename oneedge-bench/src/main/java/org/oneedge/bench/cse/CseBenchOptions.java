package org.oneedge.bench.cse;

import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import org.oneedge.bench.http.BenchClientKind;
import org.oneedge.model.CseClient;

/**
 * How to run {@link CseBench}.
 *
 * @param cseBaseUrl   the CSEBase over HTTP, e.g. {@code http://127.0.0.1:8080/cse-in}
 * @param baselineUrl  a bare HTTP handler on the same server stack answering a fixed {@code la}-sized body, or null
 *                     to skip the baseline
 * @param clients      concurrent clients in the concurrent phases (default 8)
 * @param duration     measured time per phase (default 10 s)
 * @param warmup       unmeasured time before each phase (default 3 s)
 * @param flatSize     instances in the container for the second {@code la} flatness measurement (default 100,000;
 *                     0 skips the flatness phase)
 * @param client       which HTTP client drives the requests (default raw)
 * @param payloadBytes size of each contentInstance's {@code con} (default 32)
 * @param inProcess    the same CSE in-process, used to fill the flatness container when no filler is given; null
 *                     fills over HTTP
 * @param filler       fills the flatness container straight into the store (fastest), or null
 * @param progress     where progress lines go (stderr), or null for none
 */
public record CseBenchOptions(URI cseBaseUrl, URI baselineUrl, int clients, Duration duration, Duration warmup,
                              int flatSize, BenchClientKind client, int payloadBytes, CseClient inProcess,
                              ContainerFiller filler, PrintStream progress) {

    public CseBenchOptions {
        Objects.requireNonNull(cseBaseUrl, "cseBaseUrl");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(warmup, "warmup");
        Objects.requireNonNull(client, "client");
        if (clients < 1) {
            throw new IllegalArgumentException("clients must be at least 1, got " + clients);
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("duration must be positive, got " + duration);
        }
        if (warmup.isNegative()) {
            throw new IllegalArgumentException("warmup must not be negative, got " + warmup);
        }
        if (flatSize != 0 && flatSize < 10) {
            throw new IllegalArgumentException("flat size must be 0 (skip) or at least 10, got " + flatSize);
        }
        if (payloadBytes < 1) {
            throw new IllegalArgumentException("payload size must be at least 1 byte, got " + payloadBytes);
        }
    }

    public static CseBenchOptions defaults(URI cseBaseUrl) {
        return new CseBenchOptions(cseBaseUrl, null, 8, Duration.ofSeconds(10), Duration.ofSeconds(3), 100_000,
                BenchClientKind.RAW, 32, null, null, null);
    }
}
