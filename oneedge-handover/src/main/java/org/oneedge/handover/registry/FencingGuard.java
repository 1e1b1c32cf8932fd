package org.oneedge.handover.registry;

import java.util.Optional;
import java.util.OptionalLong;
import org.oneedge.model.ResponseStatusCode;

/**
 * Fencing for one CSE (HANDOVER.md "Single registration"): a CSE whose epoch is stale, or that no longer serves an
 * AE, must reject writes for that AE rather than merge them. Consulted by {@link FencedCseClient} before a write
 * reaches the engine. While the AE is {@code MIGRATING} its writes are refused too (the device buffers and resends
 * them to the target), so the exported context is complete. AEs without a registry entry are not under handover
 * control and pass.
 */
public final class FencingGuard {

    private final String localCseId;
    private final ServingRegistry registry;

    public FencingGuard(String localCseId, ServingRegistry registry) {
        this.localCseId = localCseId;
        this.registry = registry;
    }

    /**
     * @param aeId         the AE the write is for
     * @param carriedEpoch the epoch the writer believes current, if it sent one
     */
    public FencingDecision check(String aeId, OptionalLong carriedEpoch) {
        Optional<ServingEntry> entry = registry.resolve(aeId);
        if (entry.isEmpty()) {
            return new FencingDecision.Allowed();
        }
        ServingEntry e = entry.get();
        if (e.state() == ServingState.RELEASED) {
            return new FencingDecision.Fenced(ResponseStatusCode.ORIGINATOR_HAS_NO_PRIVILEGE,
                    "AE " + aeId + " was released at epoch " + e.epoch() + "; " + localCseId + " is fenced");
        }
        if (!e.servingCseId().equals(localCseId)) {
            return new FencingDecision.Fenced(ResponseStatusCode.OPERATION_DENIED_BY_REMOTE_ENTITY,
                    "AE " + aeId + " is served by " + e.servingCseId() + " at epoch " + e.epoch() + "; "
                            + localCseId + " is fenced");
        }
        if (e.state() == ServingState.MIGRATING) {
            return new FencingDecision.Fenced(ResponseStatusCode.OPERATION_DENIED_BY_REMOTE_ENTITY,
                    "AE " + aeId + " is migrating from " + localCseId + " at epoch " + e.epoch() + " (transaction "
                            + e.txid() + "); resend to the serving CSE after the switch");
        }
        if (carriedEpoch.isPresent() && carriedEpoch.getAsLong() < e.epoch()) {
            return new FencingDecision.Fenced(ResponseStatusCode.ORIGINATOR_HAS_NO_PRIVILEGE,
                    "stale epoch " + carriedEpoch.getAsLong() + " for AE " + aeId + ": the serving epoch at "
                            + localCseId + " is " + e.epoch());
        }
        return new FencingDecision.Allowed();
    }
}
