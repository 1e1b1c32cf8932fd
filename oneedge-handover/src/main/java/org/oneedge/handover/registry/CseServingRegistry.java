package org.oneedge.handover.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import org.oneedge.handover.onem2m.CseRequests;
import org.oneedge.model.ContentCodec;
import org.oneedge.model.OneM2MException;
import org.oneedge.model.ResourceType;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;

/**
 * The serving registry stored as oneM2M resources at the IN-CSE (ARCHITECTURE.md "Everything is a resource"): one
 * flexContainer {@code org.oneedge.handover.serving} ({@code oe:hoSrv}) per AE under the registry AE, named
 * {@code sr-<AE-ID>}, so "who serves AE-ID X" is a plain RETRIEVE and every change can be subscribed to.
 *
 * <pre>
 *   cse-in/oeHandover            (AE, the coordinator's registration)
 *     sr-Cdevice1                (flexContainer oe:hoSrv: aeid, scsi, epoch, state, txid)
 * </pre>
 *
 * <p>Compare-and-set: oneM2M has no conditional UPDATE, so this class reads the entry, checks
 * {@link ServingTransitions} and updates under a per-AE lock. That is atomic as long as this instance is the only
 * writer of the registry resources, which holds because the registry lives with the coordinator at the IN-CSE and
 * other nodes only read it. Each update's {@code st} (stateTag) is checked to be the read one plus one, so a
 * foreign writer is detected and reported rather than silently overwritten twice.
 *
 * <p>One round trip per change: as the only writer, this instance remembers the entry and stateTag it last wrote
 * for an AE for {@link #REMEMBERED_FOR} and checks the next change against that instead of reading again (the switch
 * follows the move to {@code MIGRATING} within the same handover, inside the window where the AE's writes are
 * fenced). Anything unexpected (a failed update, a stateTag that is not the remembered one plus one) forgets it.
 */
public final class CseServingRegistry implements ServingRegistry {

    static final String ROOT_KEY = "oe:hoSrv";
    static final String CND = "org.oneedge.handover.serving";

    private final CseRequests cse;
    private final String registryPath;
    private final ConcurrentMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    /** AE-ID to the entry this instance last wrote (changed under the AE's lock only), trusted until its time. */
    private final ConcurrentMap<String, Remembered> remembered = new ConcurrentHashMap<>();

    /** How long an entry this instance wrote stands in for a read before its next change. */
    public static final Duration REMEMBERED_FOR = Duration.ofSeconds(1);

    /**
     * @param cse          requests to the IN-CSE, sent as the registry AE's originator
     * @param registryPath structured path of the registry AE, e.g. {@code cse-in/oeHandover}; it must exist
     */
    public CseServingRegistry(CseRequests cse, String registryPath) {
        this.cse = cse;
        this.registryPath = registryPath;
    }

    @Override
    public Optional<ServingEntry> resolve(String aeId) {
        return read(aeId).map(Stored::entry);
    }

    @Override
    public CasResult compareAndSet(String aeId, long expectedEpoch, ServingEntry next) {
        if (!next.aeId().equals(aeId)) {
            throw new IllegalArgumentException("entry for " + next.aeId() + " given for AE " + aeId);
        }
        ReentrantLock lock = locks.computeIfAbsent(aeId, id -> new ReentrantLock());
        lock.lock();
        try {
            Optional<Stored> recalled = recalled(aeId);
            Optional<Stored> stored = recalled.isPresent() ? recalled : read(aeId);
            Optional<ServingEntry> current = stored.map(Stored::entry);
            Optional<String> refusal = ServingTransitions.refusal(current, expectedEpoch, next);
            if (refusal.isPresent() && recalled.isPresent()) { // a conflict is only ever answered from a fresh read
                stored = read(aeId);
                current = stored.map(Stored::entry);
                refusal = ServingTransitions.refusal(current, expectedEpoch, next);
            }
            if (refusal.isPresent()) {
                return new CasResult.Conflict(current, refusal.get());
            }
            remembered.remove(aeId); // until the change is known to have been made
            long st;
            if (stored.isEmpty()) {
                ObjectNode body = attributes(next);
                body.put("rn", resourceName(aeId));
                body.put("cnd", CND);
                Response r = cse.create(registryPath, ResourceType.FLEX_CONTAINER, wrap(body));
                expect(r, ResponseStatusCode.CREATED, aeId);
                st = stateTag(r);
            } else {
                Response r = cse.update(path(aeId), wrap(attributes(next)));
                expect(r, ResponseStatusCode.UPDATED, aeId);
                st = stateTag(r);
                if (st >= 0 && st != stored.get().stateTag() + 1) {
                    throw new OneM2MException(ResponseStatusCode.CONFLICT, "serving entry of " + aeId
                            + " was changed by another writer (stateTag " + stored.get().stateTag() + " -> " + st
                            + ")");
                }
            }
            if (st >= 0) {
                remember(new Stored(next, st));
            }
            return new CasResult.Committed(next);
        } finally {
            lock.unlock();
        }
    }

    private record Stored(ServingEntry entry, long stateTag) {
    }

    private record Remembered(Stored stored, long until) {
    }

    private void remember(Stored stored) {
        remembered.put(stored.entry().aeId(), new Remembered(stored, System.nanoTime() + REMEMBERED_FOR.toNanos()));
    }

    private Optional<Stored> recalled(String aeId) {
        Remembered r = remembered.get(aeId);
        return r != null && System.nanoTime() - r.until() < 0 ? Optional.of(r.stored()) : Optional.empty();
    }

    private static long stateTag(Response r) {
        return r.content() == null ? -1 : r.content().path(ROOT_KEY).path("st").asLong(-1);
    }

    private Optional<Stored> read(String aeId) {
        Response r = cse.retrieve(path(aeId));
        if (r.statusCode() == ResponseStatusCode.NOT_FOUND) {
            return Optional.empty();
        }
        expect(r, ResponseStatusCode.OK, aeId);
        JsonNode n = r.content().path(ROOT_KEY);
        String txid = n.path("txid").isTextual() && !n.path("txid").asText().isEmpty() ? n.path("txid").asText()
                : null;
        return Optional.of(new Stored(new ServingEntry(n.path("aeid").asText(), n.path("scsi").asText(),
                n.path("epoch").asLong(), ServingState.valueOf(n.path("state").asText()), txid),
                n.path("st").asLong()));
    }

    private static ObjectNode attributes(ServingEntry e) {
        ObjectNode a = ContentCodec.object();
        a.put("aeid", e.aeId());
        a.put("scsi", e.servingCseId());
        a.put("epoch", e.epoch());
        a.put("state", e.state().name());
        a.put("txid", e.txid() == null ? "" : e.txid());
        return a;
    }

    private static ObjectNode wrap(ObjectNode attributes) {
        ObjectNode root = ContentCodec.object();
        root.set(ROOT_KEY, attributes);
        return root;
    }

    private String path(String aeId) {
        return registryPath + "/" + resourceName(aeId);
    }

    /** {@code sr-} plus the AE-ID with characters a resource name cannot hold replaced by '_'. */
    static String resourceName(String aeId) {
        return "sr-" + aeId.replaceAll("[^A-Za-z0-9_.-]", "_");
    }

    private static void expect(Response r, ResponseStatusCode wanted, String aeId) {
        if (r.statusCode() != wanted) {
            throw new OneM2MException(r.statusCode(),
                    "serving registry entry of " + aeId + ": " + r.statusCode() + " " + r.debugMessage());
        }
    }
}
