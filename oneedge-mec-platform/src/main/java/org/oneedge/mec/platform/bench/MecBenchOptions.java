package org.oneedge.mec.platform.bench;

import java.time.Duration;

/**
 * Options of {@link MecBench}, one record with documented defaults (see {@link #builder()}).
 *
 * @param ues               number of emulated UEs driving the default scenario's road (default 10 000)
 * @param updateRateHz      position updates per UE per second = emulator ticks per second (default 10)
 * @param duration          measured run time after the warm-up (default 30 s)
 * @param warmup            run time before measuring (default 5 s)
 * @param seed              emulator seed (default 1)
 * @param callbackEndpoints distinct callback URLs the subscriptions are spread over (default 16); the platform delivers to each
 *                          URL in order on its own queue
 * @param measurementReports whether RNIS {@code MeasRepUeSubscription}s (one report per UE per second) are
 *                          subscribed besides cell change and zone subscriptions (default true)
 * @param queueCapacity     notifications queued per delivery lane of a callback URL before the platform drops
 *                          (default 20 000)
 */
public record MecBenchOptions(int ues, double updateRateHz, Duration duration, Duration warmup, long seed,
                              int callbackEndpoints, boolean measurementReports, int queueCapacity) {

    public MecBenchOptions {
        if (ues < 1 || !(updateRateHz > 0) || callbackEndpoints < 1 || queueCapacity < 1) {
            throw new IllegalArgumentException("ues, updateRateHz, callbackEndpoints and queueCapacity must be > 0");
        }
        if (duration == null || duration.isNegative() || duration.isZero() || warmup == null || warmup.isNegative()) {
            throw new IllegalArgumentException("duration must be > 0 and warmup >= 0");
        }
    }

    public static MecBenchOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder with the defaults documented on {@link MecBenchOptions}. */
    public static final class Builder {
        private int ues = 10_000;
        private double updateRateHz = 10;
        private Duration duration = Duration.ofSeconds(30);
        private Duration warmup = Duration.ofSeconds(5);
        private long seed = 1;
        private int callbackEndpoints = 16;
        private boolean measurementReports = true;
        private int queueCapacity = 20_000;

        private Builder() {
        }

        public Builder ues(int v) { ues = v; return this; }
        public Builder updateRateHz(double v) { updateRateHz = v; return this; }
        public Builder duration(Duration v) { duration = v; return this; }
        public Builder warmup(Duration v) { warmup = v; return this; }
        public Builder seed(long v) { seed = v; return this; }
        public Builder callbackEndpoints(int v) { callbackEndpoints = v; return this; }
        public Builder measurementReports(boolean v) { measurementReports = v; return this; }
        public Builder queueCapacity(int v) { queueCapacity = v; return this; }

        public MecBenchOptions build() {
            return new MecBenchOptions(ues, updateRateHz, duration, warmup, seed, callbackEndpoints,
                    measurementReports, queueCapacity);
        }
    }
}
