package org.oneedge.mec.platform.emulator;

/**
 * Receives {@link EmulatorEvent}s on the emulator's tick thread, in order. Implementations must return quickly (queue
 * slow work such as HTTP notifications) and must not throw; an exception is logged and the event skipped for that
 * listener.
 */
@FunctionalInterface
public interface EmulatorListener {

    void onEvent(EmulatorEvent event);
}
