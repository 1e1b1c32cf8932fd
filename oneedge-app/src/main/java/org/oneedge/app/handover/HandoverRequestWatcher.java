package org.oneedge.app.handover;

import org.oneedge.app.requests.OpenRequestPoller;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import org.oneedge.cse.flex.CustomAttribute;
import org.oneedge.cse.flex.CustomAttribute.Kind;
import org.oneedge.cse.flex.FlexContainerDefinition;
import org.oneedge.handover.onem2m.CseRequests;
import org.oneedge.handover.registry.CasResult;
import org.oneedge.handover.registry.ServingEntry;
import org.oneedge.handover.registry.ServingRegistry;
import org.oneedge.handover.transaction.HandoverTransaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handover requested over plain oneM2M (HANDOVER.md trigger 4 for an operator, or a device without the SDK): a
 * flexContainer {@code org.oneedge.handover.request} ({@code oe:hoReq}, label {@value #OPEN_LABEL}) created under the
 * registry AE at the IN-CSE names an AE ({@code aeid}) and the MN-CSE that should serve it ({@code tcsi}). The
 * watcher finds open requests by discovery and answers each in the same resource ({@code res}, {@code txid},
 * {@code scsi}, {@code rsn}; label {@value #DONE_LABEL}):
 * <ul>
 *   <li>AE without a serving-registry entry but registered at {@code tcsi}: the entry is created there
 *       ({@code res} {@code REGISTERED}), so fencing and handovers apply to it from then on;</li>
 *   <li>AE served elsewhere: a handover transaction to {@code tcsi}, {@code res} its final state
 *       ({@code COMPLETED}, {@code ROLLED_BACK}, {@code FAILED}) and {@code txid} the transaction
 *       ({@code tx-<txid>} beside the request);</li>
 *   <li>anything else (unknown AE, already served there, migrating): {@code res} {@code REFUSED} with the reason.</li>
 * </ul>
 *
 * <pre>
 *   curl POST cse-in/oeHandover  {"oe:hoReq":{"rn":"r1","cnd":"org.oneedge.handover.request",
 *                                  "lbl":["oe:hoReq/open"],"aeid":"Cdev1","tcsi":"/id-mn2"}}
 *   watcher (every poll interval) ──► discovery lbl=oe:hoReq/open ──► registry / coordinator ──► UPDATE r1
 * </pre>
 */
public final class HandoverRequestWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HandoverRequestWatcher.class);

    /** Root key of a request resource. */
    public static final String ROOT_KEY = "oe:hoReq";
    /** containerDefinition of a request resource. */
    public static final String CND = "org.oneedge.handover.request";
    /** Label of a request not answered yet. */
    public static final String OPEN_LABEL = "oe:hoReq/open";
    /** Label of an answered request. */
    public static final String DONE_LABEL = "oe:hoReq/done";
    /** The specialization the IN-CSE needs to accept requests (added to its built-in ones). */
    public static final FlexContainerDefinition DEFINITION = new FlexContainerDefinition(CND, ROOT_KEY, List.of(
            new CustomAttribute("aeid", "aeId", Kind.STRING, true),
            new CustomAttribute("tcsi", "targetCseId", Kind.STRING, true),
            new CustomAttribute("res", "result", Kind.STRING, false),
            new CustomAttribute("txid", "transactionId", Kind.STRING, false),
            new CustomAttribute("scsi", "servingCseId", Kind.STRING, false),
            new CustomAttribute("rsn", "reason", Kind.STRING, false)));
    /** How often open requests are looked for. */
    public static final Duration DEFAULT_POLL = Duration.ofMillis(200);

    private final ServingRegistry registry;
    private final BiPredicate<String, String> hostedAt;
    private final BiFunction<String, String, HandoverTransaction> mover;
    private final OpenRequestPoller poller;

    /**
     * @param atIn       requests to the IN-CSE as the registry AE's originator
     * @param parentPath structured path of the registry AE, e.g. {@code cse-in/oeHandover}
     * @param hostedAt   whether (AE-ID, CSE-ID) names an AE registered at that MN-CSE
     * @param mover      runs a handover (AE-ID, target CSE-ID) to its end and answers the transaction
     */
    public HandoverRequestWatcher(CseRequests atIn, String parentPath, ServingRegistry registry,
                                  BiPredicate<String, String> hostedAt,
                                  BiFunction<String, String, HandoverTransaction> mover, Duration poll) {
        this.registry = registry;
        this.hostedAt = hostedAt;
        this.mover = mover;
        this.poller = new OpenRequestPoller("handover requests", atIn, parentPath, ROOT_KEY, OPEN_LABEL, DONE_LABEL,
                poll, this::answer);
    }

    /** Starts polling for open requests on a virtual thread. */
    public HandoverRequestWatcher start() {
        poller.start();
        return this;
    }

    /** Answers every open request found now; returns how many were answered. */
    public int pollOnce() {
        return poller.pollOnce();
    }

    private ObjectNode answer(String path, JsonNode request) {
        String aeId = request.path("aeid").asText("");
        String target = request.path("tcsi").asText("");
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        if (aeId.isEmpty() || target.isEmpty()) {
            refuse(result, "a request needs aeid and tcsi");
        } else {
            decide(aeId, target, result);
        }
        LOG.info("handover request {}: AE {} to {}: {}{}", path, aeId, target, result.path("res").asText(),
                result.has("rsn") ? " (" + result.path("rsn").asText() + ")" : "");
        return result;
    }

    private void decide(String aeId, String target, ObjectNode result) {
        Optional<ServingEntry> entry = registry.resolve(aeId);
        if (entry.isEmpty()) {
            if (!hostedAt.test(aeId, target)) {
                refuse(result, "AE " + aeId + " has no serving entry and is not registered at " + target);
                return;
            }
            CasResult cas = registry.compareAndSet(aeId, ServingRegistry.ABSENT,
                    ServingEntry.registered(aeId, target));
            if (cas instanceof CasResult.Committed) {
                result.put("res", "REGISTERED");
                result.put("scsi", target);
            } else {
                refuse(result, "the serving entry changed meanwhile: " + cas);
            }
            return;
        }
        if (entry.get().servingCseId().equals(target)) {
            refuse(result, "AE " + aeId + " is " + entry.get().state() + " at " + target + " already");
            return;
        }
        try {
            HandoverTransaction tx = mover.apply(aeId, target);
            result.put("res", tx.state().name());
            result.put("txid", tx.txid());
            if (tx.reason() != null) {
                result.put("rsn", String.valueOf(tx.reason()));
            }
        } catch (RuntimeException e) {
            result.put("res", "FAILED");
            result.put("rsn", e.toString());
        }
        registry.resolve(aeId).ifPresent(e -> result.put("scsi", e.servingCseId()));
    }

    private static void refuse(ObjectNode result, String reason) {
        result.put("res", "REFUSED");
        result.put("rsn", reason);
    }

    @Override
    public void close() {
        poller.close();
    }
}
