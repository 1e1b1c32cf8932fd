package org.oneedge.interworking.ipe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.oneedge.client.OneM2MClient;
import org.oneedge.client.RequestFailedException;
import org.oneedge.model.Operation;
import org.oneedge.model.Request;
import org.oneedge.model.ResourceType;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The oneM2M side of the MEC IPE: its {@code <AE>} and the tree below it, written only through a
 * {@link OneM2MClient}. Every write is idempotent: a resource is retrieved or created under its stable name, then
 * updated only when its mirrored attributes differ (TS-0001 Annex F.4.1), so a restart of the IPE or of the CSE never
 * duplicates anything. Remembers what it wrote last to skip unchanged writes; {@link #forget()} drops that memory.
 *
 * <pre>
 *   &lt;CSEBase&gt;/CMecIpe                      AE (api Norg.oneedge.mecipe)
 *     mec/                                  container, lbl Iwked-Technology:ETSI-MEC
 *       hosts/&lt;hostName&gt;                   flexContainer org.oneedge.mec.hostMetrics
 *       ues/&lt;ueAddress&gt;                    flexContainer org.oneedge.mec.ueInfo (mni = history)
 *       cells/&lt;cellId&gt;                     container; contentInstances {"cellId", "ues": [...]}
 * </pre>
 * Not thread-safe by itself: {@link MecIpe} serialises the calls.
 */
final class MecResourceTree {

    private static final Logger LOG = LoggerFactory.getLogger(MecResourceTree.class);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    static final String ROOT = "mec";
    static final String HOSTS = "hosts";
    static final String UES = "ues";
    static final String CELLS = "cells";
    static final String TECHNOLOGY_LABEL = "Iwked-Technology:ETSI-MEC";

    /** A flexContainer specialization: its JSON root key and {@code cnd} (as defined in the CSE). */
    record Specialization(String rootKey, String cnd) {
        static final Specialization UE_INFO = new Specialization("oe:ueInfo", "org.oneedge.mec.ueInfo");
        static final Specialization HOST_METRICS = new Specialization("oe:hostMetrics", "org.oneedge.mec.hostMetrics");
    }

    private final OneM2MClient client;
    private final MecIpeConfig config;
    private final Map<String, JsonNode> written = new HashMap<>();
    private String aePath;

    MecResourceTree(OneM2MClient client, MecIpeConfig config) {
        this.client = Objects.requireNonNull(client, "client");
        this.config = config;
    }

    String aePath() {
        return aePath;
    }

    String rootPath() {
        return aePath + "/" + ROOT;
    }

    String path(String folder) {
        return rootPath() + "/" + folder;
    }

    /** Registers the IPE's AE, or takes over the registration an earlier run left (4117). */
    void ensureAe() {
        try {
            client.registerAe(config.aeName(), config.appId(), false, List.of());
            aePath = client.aePath();
            LOG.info("MEC IPE registered as AE {} at {}", config.aeName(), aePath);
        } catch (RequestFailedException e) {
            ResponseStatusCode rsc = e.response().statusCode();
            if (rsc != ResponseStatusCode.ORIGINATOR_HAS_ALREADY_REGISTERED && rsc != ResponseStatusCode.CONFLICT) {
                throw e;
            }
            aePath = client.cseBase() + "/" + config.aeName();
            client.retrieve(aePath);
            LOG.info("MEC IPE resumes its AE {} at {}", config.aeName(), aePath);
        }
    }

    /** Retrieves or creates {@code mec/}, {@code mec/hosts}, {@code mec/ues} and {@code mec/cells}. */
    void ensureFolders() {
        ensureContainer(aePath, ROOT, List.of(TECHNOLOGY_LABEL), null);
        for (String folder : List.of(HOSTS, UES, CELLS)) {
            ensureContainer(rootPath(), folder, List.of(TECHNOLOGY_LABEL), null);
        }
    }

    /** Drops the memory of earlier writes: the next write of each resource retrieves it first. */
    void forget() {
        written.clear();
    }

    /**
     * Makes {@code parent/rn} a flexContainer of {@code spec} whose custom attributes equal {@code custom}
     * (attributes absent from {@code custom} are left alone).
     */
    void upsertFlex(String parent, String rn, Specialization spec, ObjectNode custom, List<String> labels,
                    Integer maxInstances) {
        String path = parent + "/" + rn;
        if (custom.equals(written.get(path))) {
            return;
        }
        if (!written.containsKey(path)) {
            Response current = send(Request.builder().operation(Operation.RETRIEVE).to(path));
            if (current.statusCode() == ResponseStatusCode.NOT_FOUND) {
                ObjectNode attributes = custom.deepCopy();
                attributes.put("rn", rn).put("cnd", spec.cnd());
                labels(attributes, labels);
                if (maxInstances != null) {
                    attributes.put("mni", maxInstances);
                }
                Response created = send(Request.builder().operation(Operation.CREATE).to(parent)
                        .resourceType(ResourceType.FLEX_CONTAINER).content(wrap(spec.rootKey(), attributes)));
                if (created.isSuccess()) {
                    written.put(path, custom.deepCopy());
                    LOG.debug("MEC IPE created {}", path);
                    return;
                }
                if (created.statusCode() != ResponseStatusCode.CONFLICT) {
                    throw new RequestFailedException("CREATE " + path, created);
                }
            } else if (!current.isSuccess()) {
                throw new RequestFailedException("RETRIEVE " + path, current);
            } else if (contains(current.content().path(spec.rootKey()), custom)) {
                written.put(path, custom.deepCopy());
                return;
            }
        }
        Response updated = send(Request.builder().operation(Operation.UPDATE).to(path)
                .content(wrap(spec.rootKey(), custom.deepCopy())));
        if (updated.statusCode() == ResponseStatusCode.NOT_FOUND) {
            written.remove(path);   // deleted behind our back: create it again
            upsertFlex(parent, rn, spec, custom, labels, maxInstances);
            return;
        }
        if (!updated.isSuccess()) {
            throw new RequestFailedException("UPDATE " + path, updated);
        }
        written.put(path, custom.deepCopy());
    }

    /** Makes the latest contentInstance of the container {@code parent/rn} carry {@code content}. */
    void upsertLatest(String parent, String rn, List<String> labels, Integer maxInstances, JsonNode content) {
        String path = parent + "/" + rn;
        if (content.equals(written.get(path))) {
            return;
        }
        if (!written.containsKey(path)) {
            ensureContainer(parent, rn, labels, maxInstances);
            Response latest = send(Request.builder().operation(Operation.RETRIEVE).to(path + "/la"));
            if (latest.isSuccess() && content.equals(latest.content().path("m2m:cin").get("con"))) {
                written.put(path, content.deepCopy());
                return;
            }
        }
        ObjectNode cin = NODES.objectNode();
        cin.set("con", content.deepCopy());
        Response created = send(Request.builder().operation(Operation.CREATE).to(path)
                .resourceType(ResourceType.CONTENT_INSTANCE).content(wrap(ResourceType.CONTENT_INSTANCE.rootKey(),
                        cin)));
        if (created.statusCode() == ResponseStatusCode.NOT_FOUND) {
            written.remove(path);
            upsertLatest(parent, rn, labels, maxInstances, content);
            return;
        }
        if (!created.isSuccess()) {
            throw new RequestFailedException("CREATE contentInstance in " + path, created);
        }
        written.put(path, content.deepCopy());
    }

    private void ensureContainer(String parent, String rn, List<String> labels, Integer maxInstances) {
        String path = parent + "/" + rn;
        Response current = send(Request.builder().operation(Operation.RETRIEVE).to(path));
        if (current.isSuccess()) {
            return;
        }
        if (current.statusCode() != ResponseStatusCode.NOT_FOUND) {
            throw new RequestFailedException("RETRIEVE " + path, current);
        }
        ObjectNode cnt = NODES.objectNode().put("rn", rn);
        labels(cnt, labels);
        if (maxInstances != null) {
            cnt.put("mni", maxInstances);
        }
        Response created = send(Request.builder().operation(Operation.CREATE).to(parent)
                .resourceType(ResourceType.CONTAINER).content(wrap(ResourceType.CONTAINER.rootKey(), cnt)));
        if (!created.isSuccess() && created.statusCode() != ResponseStatusCode.CONFLICT) {
            throw new RequestFailedException("CREATE container " + path, created);
        }
    }

    private Response send(Request.Builder request) {
        return client.send(request);
    }

    private static void labels(ObjectNode attributes, List<String> labels) {
        if (labels != null && !labels.isEmpty()) {
            ArrayNode lbl = attributes.putArray("lbl");
            labels.forEach(lbl::add);
        }
    }

    private static ObjectNode wrap(String rootKey, ObjectNode attributes) {
        ObjectNode content = NODES.objectNode();
        content.set(rootKey, attributes);
        return content;
    }

    /** Whether every attribute of {@code wanted} has the same value in {@code actual} (numbers by value). */
    private static boolean contains(JsonNode actual, ObjectNode wanted) {
        for (Iterator<Map.Entry<String, JsonNode>> it = wanted.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode a = actual.get(e.getKey());
            if (a == null) {
                return false;
            }
            boolean same = a.isNumber() && e.getValue().isNumber()
                    ? a.doubleValue() == e.getValue().doubleValue() : a.equals(e.getValue());
            if (!same) {
                return false;
            }
        }
        return true;
    }
}
