package org.oneedge.handover.continuity;

import java.util.List;
import java.util.Map;
import org.oneedge.model.Request;

/**
 * Where a {@link DownlinkRouter} keeps the downlinks it holds while an AE migrates, so that a request answered 1000
 * ACCEPTED survives a restart of the coordinator's process (HANDOVER.md "Downlink continuity", crash safety): it is
 * kept before the router answers, removed once delivered, and read back when a router starts.
 */
public interface HeldDownlinks {

    /** Keeps nothing beyond the router's memory: what is held is lost with the process. */
    HeldDownlinks IN_MEMORY = new HeldDownlinks() {
        @Override
        public String keep(String aeId, Request request) {
            return null;
        }

        @Override
        public void remove(String key) {
        }

        @Override
        public Map<String, List<Kept>> all() {
            return Map.of();
        }
    };

    /**
     * Keeps a held request durably; returns the key to remove it with (null when nothing is kept).
     *
     * @throws RuntimeException when it could not be kept: the router then refuses the request instead of holding it
     */
    String keep(String aeId, Request request);

    /** Forgets a kept request once it was delivered (or dropped); a key of null is ignored. */
    void remove(String key);

    /** Every request kept, per AE-ID in the order they were kept. */
    Map<String, List<Kept>> all();

    /** A kept request and its key. */
    record Kept(String key, Request request) {
    }
}
