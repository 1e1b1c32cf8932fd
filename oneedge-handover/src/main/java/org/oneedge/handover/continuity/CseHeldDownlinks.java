package org.oneedge.handover.continuity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.oneedge.handover.onem2m.CseRequests;
import org.oneedge.model.ContentCodec;
import org.oneedge.model.OneM2MException;
import org.oneedge.model.PollingPrimitives;
import org.oneedge.model.Request;
import org.oneedge.model.ResourceType;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Held downlinks kept at the coordinating CSE: one {@code <container>} {@code held-<AE-ID>} per AE under the
 * coordinator's AE, one {@code <contentInstance>} per held request (its {@code m2m:rqp} as the content, labelled
 * {@value #LABEL}), named {@code h<millis>_<n>} so a restarted router reads them back in the order they were kept.
 */
public final class CseHeldDownlinks implements HeldDownlinks {

    private static final Logger LOG = LoggerFactory.getLogger(CseHeldDownlinks.class);
    static final String LABEL = "oe:heldDownlink";

    private final CseRequests cse;
    private final String parentPath;
    private final AtomicLong counter = new AtomicLong();
    private final Set<String> containers = ConcurrentHashMap.newKeySet();

    /**
     * @param cse        requests to the coordinating CSE
     * @param parentPath structured path of the coordinator's AE, e.g. {@code cse-in/oeHandover}; it must exist
     */
    public CseHeldDownlinks(CseRequests cse, String parentPath) {
        this.cse = cse;
        this.parentPath = parentPath;
    }

    @Override
    public String keep(String aeId, Request request) {
        String container = container(aeId);
        String rn = "h" + System.currentTimeMillis() + "_" + counter.getAndIncrement();
        ObjectNode content = ContentCodec.object();
        content.put("aeid", aeId);
        content.set("rqp", PollingPrimitives.requestPrimitive(request).get("m2m:rqp"));
        ObjectNode cin = ContentCodec.object();
        ObjectNode a = cin.putObject("m2m:cin");
        a.put("rn", rn);
        a.putArray("lbl").add(LABEL);
        a.put("con", content.toString());
        Response r = cse.create(container, ResourceType.CONTENT_INSTANCE, cin);
        if (r.statusCode() != ResponseStatusCode.CREATED) {
            throw new OneM2MException(r.statusCode(), "held downlink " + request.requestId() + " for " + aeId
                    + " could not be kept: " + r.debugMessage());
        }
        return container + "/" + rn;
    }

    @Override
    public void remove(String key) {
        if (key == null) {
            return;
        }
        Response r = cse.delete(key);
        if (r.statusCode() != ResponseStatusCode.DELETED && r.statusCode() != ResponseStatusCode.NOT_FOUND) {
            LOG.warn("delivered downlink {} not removed: {} {}", key, r.statusCode(), r.debugMessage());
        }
    }

    @Override
    public Map<String, List<Kept>> all() {
        List<String> paths = cse.discover(parentPath, ResourceType.CONTENT_INSTANCE, LABEL, 2); // held-<id>/<cin>
        paths.sort(Comparator.<String>comparingLong(p -> order(p)[0]).thenComparingLong(p -> order(p)[1]));
        Map<String, List<Kept>> all = new LinkedHashMap<>();
        for (String path : paths) {
            Response r = cse.retrieve(path);
            if (r.statusCode() != ResponseStatusCode.OK) {
                continue; // delivered and removed meanwhile
            }
            JsonNode content = ContentCodec.parse(r.content().path("m2m:cin").path("con").asText());
            all.computeIfAbsent(content.path("aeid").asText(), id -> new ArrayList<>())
                    .add(new Kept(path, PollingPrimitives.request(content.path("rqp"))));
        }
        return all;
    }

    /** {@code .../h<millis>_<n>} as a number pair for sorting: the order kept. */
    private static long[] order(String path) {
        String rn = path.substring(path.lastIndexOf('/') + 1);
        int sep = rn.indexOf('_');
        try {
            return new long[] {Long.parseLong(rn.substring(1, sep)), Long.parseLong(rn.substring(sep + 1))};
        } catch (RuntimeException e) {
            return new long[] {Long.MAX_VALUE, 0};
        }
    }

    private String container(String aeId) {
        String path = parentPath + "/held-" + aeId.replaceAll("[^A-Za-z0-9_.-]", "_");
        if (!containers.contains(path)) {
            ObjectNode cnt = ContentCodec.object();
            cnt.putObject("m2m:cnt").put("rn", path.substring(path.lastIndexOf('/') + 1));
            Response r = cse.create(parentPath, ResourceType.CONTAINER, cnt);
            if (r.statusCode() != ResponseStatusCode.CREATED && r.statusCode() != ResponseStatusCode.CONFLICT) {
                throw new OneM2MException(r.statusCode(), "container for the held downlinks of " + aeId
                        + " not created: " + r.debugMessage());
            }
            containers.add(path);
        }
        return path;
    }
}
