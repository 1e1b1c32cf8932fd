package org.oneedge.handover.continuity;

import java.util.BitSet;

/**
 * The sliding window of uplink request sequence numbers one originator has had applied at a CSE (HANDOVER.md
 * "Uplink continuity"): each number is accepted once, duplicates and numbers that fell out of the window are
 * refused, so a device may replay everything it is unsure about after a switch. Bounded by {@code size} bits, like
 * the IPsec/DTLS anti-replay window (RFC 4303 3.4.3). Travels with the AE's context in {@link #encode()} form.
 * Not thread-safe: {@link UplinkWindows} serialises access per originator.
 */
public final class UplinkWindow {

    /** Default window: the 1024 most recent sequence numbers. */
    public static final int DEFAULT_SIZE = 1024;

    /** Why a sequence number was not applied. */
    public enum Verdict { ACCEPTED, DUPLICATE, TOO_OLD }

    private final int size;
    private long highest; // 0: nothing seen yet; sequence numbers start at 1
    private final BitSet seen; // bit (seq % size) set when seq in (highest - size, highest] was accepted

    public UplinkWindow(int size) {
        this(size, 0, new BitSet(size));
    }

    private UplinkWindow(int size, long highest, BitSet seen) {
        if (size < 1) {
            throw new IllegalArgumentException("window size must be at least 1, was " + size);
        }
        this.size = size;
        this.highest = highest;
        this.seen = seen;
    }

    /** True the first time {@code seq} is offered while it is inside the window; false for duplicates and old ones. */
    public boolean accept(long seq) {
        return offer(seq) == Verdict.ACCEPTED;
    }

    /** Like {@link #accept(long)} but says why a number was refused. */
    public Verdict offer(long seq) {
        if (seq < 1) {
            throw new IllegalArgumentException("sequence numbers start at 1, was " + seq);
        }
        if (seq > highest) {
            long shift = seq - highest;
            if (shift >= size) {
                seen.clear();
            } else {
                for (long s = highest + 1; s <= seq; s++) {
                    seen.clear(index(s));
                }
            }
            highest = seq;
            seen.set(index(seq));
            return Verdict.ACCEPTED;
        }
        if (seq <= highest - size) {
            return Verdict.TOO_OLD;
        }
        if (seen.get(index(seq))) {
            return Verdict.DUPLICATE;
        }
        seen.set(index(seq));
        return Verdict.ACCEPTED;
    }

    /**
     * Takes back an accepted number whose request the CSE then failed to apply, so that a resend is applied rather
     * than answered as a duplicate. The highest number stays: the window never moves back.
     */
    public void forget(long seq) {
        if (seq >= 1 && seq <= highest && seq > highest - size) {
            seen.clear(index(seq));
        }
    }

    /** The highest sequence number accepted, 0 if none. */
    public long highest() {
        return highest;
    }

    /** A copy that can be handed to another owner. */
    public UplinkWindow copy() {
        return new UplinkWindow(size, highest, (BitSet) seen.clone());
    }

    /** Compact text form for the context transfer: {@code size:highest:base64(bits)}. */
    public String encode() {
        return size + ":" + highest + ":" + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(seen.toByteArray());
    }

    /** Reads {@link #encode()}'s form; refuses anything else. */
    public static UplinkWindow decode(String text) {
        String[] parts = text == null ? new String[0] : text.split(":", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("an uplink window is size:highest:bits, was " + text);
        }
        try {
            int size = Integer.parseInt(parts[0]);
            long highest = Long.parseLong(parts[1]);
            BitSet bits = BitSet.valueOf(java.util.Base64.getUrlDecoder().decode(parts[2]));
            if (size < 1 || highest < 0 || bits.length() > size) {
                throw new IllegalArgumentException("inconsistent uplink window " + text);
            }
            return new UplinkWindow(size, highest, bits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("an uplink window is size:highest:bits, was " + text, e);
        }
    }

    private int index(long seq) {
        return (int) (seq % size);
    }
}
