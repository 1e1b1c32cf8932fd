package org.oneedge.mec.platform.emulator;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Configuration of an {@link Emulator}, one record with documented defaults (see {@link #builder()}).
 *
 * @param tick                   emulated time per step; UEs move, measure and decide handovers once per tick
 *                               (default 100 ms, i.e. 10 position updates per second)
 * @param seed                   seed of the shadowing noise; same seed + same scenario = same events (default 1)
 * @param measurementInterval    period of the periodic measurement reports per UE (default 1 s, as AdvantEDGE)
 * @param speedFactor            emulated seconds per wall-clock second when running with {@link Emulator#start()}
 *                               (default 1 = real time)
 * @param publishPositionUpdates whether {@link EmulatorEvent.PositionUpdate} events are published (default true)
 * @param clock                  gives the wall-clock instant the emulated time starts at (default system UTC)
 */
public record EmulatorConfig(Duration tick, long seed, Duration measurementInterval, double speedFactor,
                             boolean publishPositionUpdates, Clock clock) {

    public EmulatorConfig {
        if (tick == null || tick.isNegative() || tick.isZero()) {
            throw new IllegalArgumentException("tick must be positive, was " + tick);
        }
        if (measurementInterval == null || measurementInterval.compareTo(tick) < 0) {
            throw new IllegalArgumentException("measurementInterval must be at least one tick, was "
                    + measurementInterval);
        }
        if (!(speedFactor > 0)) {
            throw new IllegalArgumentException("speedFactor must be > 0, was " + speedFactor);
        }
        Objects.requireNonNull(clock, "clock");
    }

    public static EmulatorConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder with the defaults documented on {@link EmulatorConfig}. */
    public static final class Builder {
        private Duration tick = Duration.ofMillis(100);
        private long seed = 1;
        private Duration measurementInterval = Duration.ofSeconds(1);
        private double speedFactor = 1.0;
        private boolean publishPositionUpdates = true;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        public Builder tick(Duration v) { tick = v; return this; }
        public Builder seed(long v) { seed = v; return this; }
        public Builder measurementInterval(Duration v) { measurementInterval = v; return this; }
        public Builder speedFactor(double v) { speedFactor = v; return this; }
        public Builder publishPositionUpdates(boolean v) { publishPositionUpdates = v; return this; }
        public Builder clock(Clock v) { clock = v; return this; }

        public EmulatorConfig build() {
            return new EmulatorConfig(tick, seed, measurementInterval, speedFactor, publishPositionUpdates, clock);
        }
    }
}
