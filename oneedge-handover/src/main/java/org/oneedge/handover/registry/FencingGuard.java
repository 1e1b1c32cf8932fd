package org.oneedge.handover.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.OptionalLong;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;

/**
 * Fencing for one CSE (HANDOVER.md "Single registration"): a CSE whose epoch is stale, or that no longer serves an
 * AE, must reject writes for that AE rather than merge them. Consulted by {@link FencedCseClient} before a write
 * reaches the engine. While the AE is {@code MIGRATING} its writes are refused too (the device buffers and resends
 * them to the target), so the exported context is complete. AEs without a registry entry are not under handover
 * control and pass. A refusal names the entry it was decided on ({@link #SERVING_KEY}), so the device can follow the
 * switch without asking the registry itself.
 */
public final class FencingGuard {

    /** Key, next to {@code m2m:dbg}, of the serving entry a fenced reply names: {@code {csi, epoch, st, txid}}. */
    public static final String SERVING_KEY = "oe:hoSrv";

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
        return decide(aeId, registry.resolve(aeId), carriedEpoch);
    }

    /** The decision for a write of {@code aeId} given the registry entry already read. */
    public FencingDecision decide(String aeId, Optional<ServingEntry> entry, OptionalLong carriedEpoch) {
        if (entry.isEmpty()) {
            return new FencingDecision.Allowed();
        }
        ServingEntry e = entry.get();
        if (e.state() == ServingState.RELEASED) {
            return new FencingDecision.Fenced(ResponseStatusCode.ORIGINATOR_HAS_NO_PRIVILEGE,
                    "AE " + aeId + " was released at epoch " + e.epoch() + "; " + localCseId + " is fenced", e);
        }
        if (!e.servingCseId().equals(localCseId)) {
            return new FencingDecision.Fenced(ResponseStatusCode.OPERATION_DENIED_BY_REMOTE_ENTITY,
                    "AE " + aeId + " is served by " + e.servingCseId() + " at epoch " + e.epoch() + "; "
                            + localCseId + " is fenced", e);
        }
        if (e.state() == ServingState.MIGRATING) {
            return new FencingDecision.Fenced(ResponseStatusCode.OPERATION_DENIED_BY_REMOTE_ENTITY,
                    "AE " + aeId + " is migrating from " + localCseId + " at epoch " + e.epoch() + " (transaction "
                            + e.txid() + "); resend to the serving CSE after the switch", e);
        }
        if (carriedEpoch.isPresent() && carriedEpoch.getAsLong() < e.epoch()) {
            return new FencingDecision.Fenced(ResponseStatusCode.ORIGINATOR_HAS_NO_PRIVILEGE,
                    "stale epoch " + carriedEpoch.getAsLong() + " for AE " + aeId + ": the serving epoch at "
                            + localCseId + " is " + e.epoch(), e);
        }
        return new FencingDecision.Allowed();
    }

    /** The refusal as a response: {@code m2m:dbg} plus the serving entry it was decided on. */
    public static Response refusal(FencingDecision.Fenced fenced) {
        Response r = Response.error(fenced.statusCode(), fenced.message());
        ServingEntry e = fenced.entry();
        if (e != null && r.content() instanceof ObjectNode content) {
            ObjectNode srv = content.putObject(SERVING_KEY);
            srv.put("csi", e.servingCseId());
            srv.put("epoch", e.epoch());
            srv.put("st", e.state().name());
            if (e.txid() != null) {
                srv.put("txid", e.txid());
            }
        }
        return r;
    }

    /** The serving entry a fenced reply names, if it names one (older CSEs and other transports may not). */
    public static Optional<ServingEntry> named(String aeId, Response fenced) {
        JsonNode srv = fenced.content() == null ? null : fenced.content().get(SERVING_KEY);
        if (srv == null || !srv.hasNonNull("csi") || !srv.hasNonNull("st")) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ServingEntry(aeId, srv.get("csi").asText(), srv.path("epoch").asLong(),
                    ServingState.valueOf(srv.get("st").asText()),
                    srv.hasNonNull("txid") ? srv.get("txid").asText() : null));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
