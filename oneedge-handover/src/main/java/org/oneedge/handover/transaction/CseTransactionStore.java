package org.oneedge.handover.transaction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.oneedge.handover.onem2m.CseRequests;
import org.oneedge.model.ContentCodec;
import org.oneedge.model.OneM2MException;
import org.oneedge.model.ResourceType;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;

/**
 * Handover transactions stored as flexContainers {@code org.oneedge.handover.transaction} ({@code oe:hoTx}) under
 * the coordinator's AE, named {@code tx-<txid>}, so every state change is an UPDATE a oneM2M subscription sees
 * (HANDOVER.md "Handover transaction"). Unfinished ones carry the label {@value #OPEN_LABEL} and are found by
 * discovery after a restart. CREATE with an existing name answers 4105 CONFLICT, which makes starting the same
 * txid twice return the stored transaction.
 */
public final class CseTransactionStore implements TransactionStore {

    static final String ROOT_KEY = "oe:hoTx";
    static final String CND = "org.oneedge.handover.transaction";
    /** Label of transactions not yet in a terminal state. */
    public static final String OPEN_LABEL = "oe:hoTx/open";

    private final CseRequests cse;
    private final String parentPath;

    /**
     * @param cse        requests to the coordinating CSE
     * @param parentPath structured path of the coordinator's AE, e.g. {@code cse-in/oeHandover}; it must exist
     */
    public CseTransactionStore(CseRequests cse, String parentPath) {
        this.cse = cse;
        this.parentPath = parentPath;
    }

    @Override
    public HandoverTransaction createIfAbsent(HandoverTransaction transaction) {
        ObjectNode a = attributes(transaction);
        a.put("rn", resourceName(transaction.txid()));
        a.put("cnd", CND);
        Response r = cse.create(parentPath, ResourceType.FLEX_CONTAINER, wrap(a));
        if (r.statusCode() == ResponseStatusCode.CREATED) {
            return transaction;
        }
        if (r.statusCode() == ResponseStatusCode.CONFLICT) {
            return find(transaction.txid()).orElseThrow(() -> new OneM2MException(ResponseStatusCode.CONFLICT,
                    "transaction " + transaction.txid() + " exists but cannot be read"));
        }
        throw failure(r, transaction.txid());
    }

    @Override
    public void update(HandoverTransaction transaction) {
        Response r = cse.update(parentPath + "/" + resourceName(transaction.txid()), wrap(attributes(transaction)));
        if (r.statusCode() != ResponseStatusCode.UPDATED) {
            throw failure(r, transaction.txid());
        }
    }

    @Override
    public Optional<HandoverTransaction> find(String txid) {
        return read(parentPath + "/" + resourceName(txid));
    }

    @Override
    public List<HandoverTransaction> unfinished() {
        List<HandoverTransaction> found = new ArrayList<>();
        for (String path : cse.discover(parentPath, ResourceType.FLEX_CONTAINER, OPEN_LABEL, 1)) {
            read(path).filter(t -> !t.state().terminal()).ifPresent(found::add);
        }
        return found;
    }

    private Optional<HandoverTransaction> read(String path) {
        Response r = cse.retrieve(path);
        if (r.statusCode() == ResponseStatusCode.NOT_FOUND) {
            return Optional.empty();
        }
        if (r.statusCode() != ResponseStatusCode.OK) {
            throw failure(r, path);
        }
        JsonNode n = r.content().path(ROOT_KEY);
        String reason = n.path("reason").asText("");
        List<String> tried = new ArrayList<>();
        n.path("tried").forEach(t -> tried.add(t.asText()));
        List<String> why = new ArrayList<>();
        n.path("triedWhy").forEach(t -> why.add(t.asText()));
        HandoverFigures figures = new HandoverFigures(Duration.ofMillis(n.path("prepMs").asLong()),
                Duration.ofMillis(n.path("xferMs").asLong()), n.path("xferB").asLong(),
                Duration.ofMillis(n.path("ulGapMs").asLong()), Duration.ofMillis(n.path("dlHoldMs").asLong()),
                n.path("lost").asLong(), n.path("dups").asLong(), n.path("moved").asLong(), tried,
                why.size() == tried.size() ? why : List.of());
        return Optional.of(new HandoverTransaction(n.path("txid").asText(), n.path("aeid").asText(),
                n.path("src").asText(), n.path("tgt").asText(), n.path("epoch").asLong(),
                TransactionState.valueOf(n.path("state").asText()),
                reason.isEmpty() ? null : ReasonCode.valueOf(reason), figures));
    }

    private static ObjectNode attributes(HandoverTransaction t) {
        ObjectNode a = ContentCodec.object();
        a.put("txid", t.txid());
        a.put("aeid", t.aeId());
        a.put("src", t.sourceCseId());
        a.put("tgt", t.targetCseId());
        a.put("state", t.state().name());
        a.put("reason", t.reason() == null ? "" : t.reason().name());
        a.put("epoch", t.epoch());
        HandoverFigures f = t.figures();
        a.put("prepMs", f.preparation().toMillis());
        a.put("xferMs", f.transfer().toMillis());
        a.put("xferB", f.transferBytes());
        a.put("ulGapMs", f.uplinkInterruption().toMillis());
        a.put("dlHoldMs", f.downlinkHold().toMillis());
        a.put("lost", f.messagesLost());
        a.put("dups", f.duplicatesDelivered());
        a.put("moved", f.resourcesMoved());
        ArrayNode tried = a.putArray("tried");
        f.targetsTried().forEach(tried::add);
        if (!f.targetOutcomes().isEmpty()) {
            ArrayNode why = a.putArray("triedWhy");
            f.targetOutcomes().forEach(why::add);
        }
        ArrayNode lbl = a.putArray("lbl");
        if (!t.state().terminal()) {
            lbl.add(OPEN_LABEL);
        }
        return a;
    }

    private static ObjectNode wrap(ObjectNode attributes) {
        ObjectNode root = ContentCodec.object();
        root.set(ROOT_KEY, attributes);
        return root;
    }

    static String resourceName(String txid) {
        return "tx-" + txid.replaceAll("[^A-Za-z0-9_.-]", "_");
    }

    private static OneM2MException failure(Response r, String what) {
        return new OneM2MException(r.statusCode(), "handover transaction " + what + ": " + r.statusCode() + " "
                + r.debugMessage());
    }
}
