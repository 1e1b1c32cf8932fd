package org.oneedge.handover.registry;

/**
 * One serving-registry entry: which CSE serves an AE, at which fencing epoch, in which state and under which
 * handover transaction (HANDOVER.md "Serving registry"). The epoch rises by one with every change of serving CSE.
 *
 * @param aeId         the AE-ID
 * @param servingCseId SP-relative CSE-ID of the serving CSE, e.g. {@code /id-mn1}
 * @param epoch        fencing epoch, at least 1
 * @param state        serving state
 * @param txid         the handover transaction holding the entry while {@code MIGRATING}, else the last one, or null
 */
public record ServingEntry(String aeId, String servingCseId, long epoch, ServingState state, String txid) {

    public ServingEntry {
        if (aeId == null || aeId.isBlank() || servingCseId == null || servingCseId.isBlank() || state == null) {
            throw new IllegalArgumentException("aeId, servingCseId and state are mandatory");
        }
        if (epoch < 1) {
            throw new IllegalArgumentException("epoch must be at least 1, was " + epoch);
        }
        if (state == ServingState.MIGRATING && (txid == null || txid.isBlank())) {
            throw new IllegalArgumentException("a MIGRATING entry names its transaction");
        }
    }

    /** The first entry of a newly registered AE. */
    public static ServingEntry registered(String aeId, String cseId) {
        return new ServingEntry(aeId, cseId, 1, ServingState.SERVING, null);
    }

    /** The same serving CSE and epoch, held by a handover transaction. */
    public ServingEntry migrating(String transactionId) {
        return new ServingEntry(aeId, servingCseId, epoch, ServingState.MIGRATING, transactionId);
    }

    /** The switch: the target serves from the next epoch on. */
    public ServingEntry switchedTo(String targetCseId) {
        return new ServingEntry(aeId, targetCseId, epoch + 1, ServingState.SERVING, txid);
    }

    /** Back to serving at the same CSE and epoch (a handover rolled back). */
    public ServingEntry restored() {
        return new ServingEntry(aeId, servingCseId, epoch, ServingState.SERVING, txid);
    }

    /** The AE left: no CSE serves it from the next epoch on. */
    public ServingEntry released() {
        return new ServingEntry(aeId, servingCseId, epoch + 1, ServingState.RELEASED, txid);
    }
}
