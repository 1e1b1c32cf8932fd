package org.oneedge.handover.continuity;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The (originator, {@code rqi} sequence) windows a CSE keeps for the AEs it serves (HANDOVER.md "Uplink
 * continuity"); one {@link UplinkWindow} per originator, exported with the AE's context and imported at the target.
 */
public final class UplinkWindows {

    private final int size;
    private final Map<String, UplinkWindow> windows = new ConcurrentHashMap<>();

    public UplinkWindows(int size) {
        this.size = size;
    }

    /** Applies the originator's window to {@code seq}; thread-safe per originator. */
    public UplinkWindow.Verdict offer(String originator, long seq) {
        UplinkWindow.Verdict[] verdict = new UplinkWindow.Verdict[1];
        windows.compute(originator, (o, w) -> {
            UplinkWindow window = w == null ? new UplinkWindow(size) : w;
            verdict[0] = window.offer(seq);
            return window;
        });
        return verdict[0];
    }

    /** Takes back an accepted number whose request failed (see {@link UplinkWindow#forget(long)}). */
    public void forget(String originator, long seq) {
        windows.computeIfPresent(originator, (o, w) -> {
            w.forget(seq);
            return w;
        });
    }

    /** The originator's window in transfer form, removed from here (the AE leaves this CSE). */
    public Optional<String> export(String originator) {
        return Optional.ofNullable(windows.remove(originator)).map(UplinkWindow::encode);
    }

    /** Installs a window received with a context (the AE arrives at this CSE). */
    public void importWindow(String originator, String encoded) {
        windows.put(originator, UplinkWindow.decode(encoded));
    }
}
