package org.oneedge.mec.platform.emulator;

import java.time.Instant;

/**
 * Receives {@link EmulatorEvent}s on the emulator's tick thread, in order. Implementations must return quickly (queue
 * slow work such as HTTP notifications) and must not throw; an exception is logged and the event skipped for that
 * listener.
 */
@FunctionalInterface
public interface EmulatorListener {

    void onEvent(EmulatorEvent event);

    /** Called after each tick's events, with the emulated time (for periodic work such as periodic reports). */
    default void onTick(Instant now) {
    }
}
