package org.oneedge.handover.continuity;

import java.util.OptionalLong;

/**
 * How a device numbers its uplink requests (HANDOVER.md "Uplink continuity"): the request identifier ends in
 * {@code #<sequence>}, e.g. {@code Cdev1#42}, so any CSE can apply the originator's {@link UplinkWindow} to it.
 */
public final class UplinkSequence {

    private UplinkSequence() {
    }

    public static String requestId(String prefix, long seq) {
        return prefix + "#" + seq;
    }

    /** The sequence number in a request identifier, if it carries one. */
    public static OptionalLong of(String requestId) {
        if (requestId == null) {
            return OptionalLong.empty();
        }
        int hash = requestId.lastIndexOf('#');
        if (hash < 0 || hash == requestId.length() - 1) {
            return OptionalLong.empty();
        }
        try {
            long seq = Long.parseLong(requestId.substring(hash + 1));
            return seq >= 1 ? OptionalLong.of(seq) : OptionalLong.empty();
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
