package org.oneedge.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.oneedge.binding.http.HttpNotificationReceiver;
import org.oneedge.model.CseClient;
import org.oneedge.model.FilterCriteria;
import org.oneedge.model.Operation;
import org.oneedge.model.Request;
import org.oneedge.model.ResourceType;
import org.oneedge.model.Response;

/**
 * A typed, blocking oneM2M API for an AE (or any originator) over any {@link CseClient}: HTTP, MQTT or a CSE in the
 * same JVM. It fills what every request needs: {@code fr} (the AE-ID once registered, TS-0001 10.2.2.2), a fresh
 * {@code rqi} per request ({@code <originator>-<n>}, monotonic per client) and {@code rvi} ("3" by default).
 * <p>
 * Errors: every method returns the result on success and throws {@link RequestFailedException}, which carries the
 * CSE's {@link Response}, on an error status code (transport failures included: they arrive as 5103/4008 responses).
 * {@link #send(Request.Builder)} is the escape hatch that returns the raw response and never throws for a status.
 * <pre>
 *   OneM2MClient ae = OneM2MClient.builder(new HttpCseClient("http://127.0.0.1:8080")).build();
 *   String aeId = ae.registerAe("sensor", "Nsensor", true, List.of(receiver.url()));
 *   ae.createContainer(ae.aePath(), "temperature");
 *   ae.createContentInstance(ae.aePath() + "/temperature", "21.5");
 * </pre>
 * Thread-safe: one client may be shared by several threads.
 */
public final class OneM2MClient {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final CseClient cse;
    private final String cseBase;
    private final String releaseVersion;
    private final AtomicLong sequence = new AtomicLong();
    private volatile String originator;
    private volatile String aePath;

    private OneM2MClient(Builder b) {
        this.cse = b.cse;
        this.cseBase = b.cseBase;
        this.releaseVersion = b.releaseVersion;
        this.originator = b.originator;
    }

    /** A builder for a client that talks to {@code cse}. */
    public static Builder builder(CseClient cse) {
        return new Builder(cse);
    }

    // ----------------------------------------------------------------- registration

    /**
     * Registers an AE (CREATE {@code ty=2} on the CSEBase, TS-0001 10.2.2.2; digest 4.1) and from then on sends with
     * its AE-ID as originator.
     *
     * @param name                 {@code rn} of the {@code <AE>}
     * @param appId                {@code api}, e.g. {@code Nsensor} (starts with N, R or r)
     * @param requestReachability  {@code rr}: true when the CSE can send requests (notifications) to the AE
     * @param pointOfAccess        {@code poa}: URLs the AE is reachable at (empty for none)
     * @return the AE-ID ({@code aei}) the registrar assigned
     */
    public String registerAe(String name, String appId, boolean requestReachability, List<String> pointOfAccess) {
        ObjectNode ae = NODES.objectNode();
        ae.put("rn", name).put("api", appId).put("rr", requestReachability);
        ArrayNode poa = ae.putArray("poa");
        pointOfAccess.forEach(poa::add);
        ae.putArray("srv").add(releaseVersion);
        RemoteResource created = create(cseBase, ResourceType.AE, ae);
        String aeId = created.text("aei") != null ? created.text("aei") : created.ri();
        if (aeId == null) {
            throw new IllegalStateException("the registrar answered without aei or ri: " + created.attributes());
        }
        this.originator = aeId;
        this.aePath = created.path();
        return aeId;
    }

    /** The originator put in {@code fr}: the AE-ID after {@link #registerAe}, else what the builder set. */
    public String originator() {
        return originator;
    }

    /** The structured path of the registered {@code <AE>} ({@code cse-in/sensor}), null before registration. */
    public String aePath() {
        return aePath;
    }

    /** The CSEBase name requests are addressed under, e.g. {@code cse-in}. */
    public String cseBase() {
        return cseBase;
    }

    // ----------------------------------------------------------------- CRUD

    /** Creates any resource under {@code parent}; {@code attributes} go under the type's root key. */
    public RemoteResource create(String parent, ResourceType type, ObjectNode attributes) {
        ObjectNode content = NODES.objectNode();
        content.set(type.rootKey(), attributes);
        Response response = call("CREATE " + type.shortName() + " under " + parent, Request.builder()
                .operation(Operation.CREATE).to(parent).resourceType(type).content(content));
        RemoteResource created = resource(response.content(), null);
        String rn = created.rn();
        return new RemoteResource(rn == null ? response.contentLocation() : parent + "/" + rn, created.rootKey(),
                created.attributes());
    }

    /** Creates a {@code <container>} named {@code name} under {@code parent}. */
    public RemoteResource createContainer(String parent, String name) {
        return createContainer(parent, name, ContainerOptions.NONE);
    }

    public RemoteResource createContainer(String parent, String name, ContainerOptions options) {
        ObjectNode cnt = NODES.objectNode().put("rn", name);
        if (options.maxNrOfInstances() != null) {
            cnt.put("mni", options.maxNrOfInstances());
        }
        if (options.maxByteSize() != null) {
            cnt.put("mbs", options.maxByteSize());
        }
        if (options.maxInstanceAge() != null) {
            cnt.put("mia", options.maxInstanceAge());
        }
        if (!options.labels().isEmpty()) {
            ArrayNode lbl = cnt.putArray("lbl");
            options.labels().forEach(lbl::add);
        }
        return create(parent, ResourceType.CONTAINER, cnt);
    }

    /** Adds a {@code <contentInstance>} with text content ({@code con}) to a container. */
    public RemoteResource createContentInstance(String container, String content) {
        return create(container, ResourceType.CONTENT_INSTANCE, NODES.objectNode().put("con", content));
    }

    /** Adds a {@code <contentInstance>} whose {@code con} is JSON (sent as a JSON value, as ACME accepts). */
    public RemoteResource createContentInstance(String container, JsonNode content) {
        ObjectNode cin = NODES.objectNode();
        cin.set("con", content);
        return create(container, ResourceType.CONTENT_INSTANCE, cin);
    }

    /** Retrieves a resource. */
    public RemoteResource retrieve(String path) {
        Response response = call("RETRIEVE " + path, Request.builder().operation(Operation.RETRIEVE).to(path));
        return resource(response.content(), path);
    }

    /** The newest instance of a container ({@code <container>/la}, TS-0004 7.4.6). */
    public RemoteResource latest(String container) {
        RemoteResource la = retrieve(container + "/la");
        return la.rn() == null ? la : new RemoteResource(container + "/" + la.rn(), la.rootKey(), la.attributes());
    }

    /** The oldest instance of a container ({@code <container>/ol}). */
    public RemoteResource oldest(String container) {
        RemoteResource ol = retrieve(container + "/ol");
        return ol.rn() == null ? ol : new RemoteResource(container + "/" + ol.rn(), ol.rootKey(), ol.attributes());
    }

    /** Updates attributes of a resource; a {@code null} value removes the attribute (TS-0004 8.4). */
    public RemoteResource update(String path, ResourceType type, ObjectNode attributes) {
        ObjectNode content = NODES.objectNode();
        content.set(type.rootKey(), attributes);
        Response response = call("UPDATE " + path, Request.builder().operation(Operation.UPDATE).to(path)
                .content(content));
        return resource(response.content(), path);
    }

    /** Deletes a resource and its children. */
    public void delete(String path) {
        call("DELETE " + path, Request.builder().operation(Operation.DELETE).to(path));
    }

    /**
     * Discovery (RETRIEVE with {@code fu=1}, TS-0001 10.2.6) under {@code path}: the addresses of matching resources.
     * The filter's {@code fu} is forced to 1.
     */
    public List<String> discover(String path, FilterCriteria filter) {
        FilterCriteria fc = new FilterCriteria(1, filter.filterOperation(), filter.resourceTypes(), filter.labels(),
                filter.resourceNames(), filter.createdBefore(), filter.createdAfter(), filter.modifiedSince(),
                filter.unmodifiedSince(), filter.stateTagSmaller(), filter.stateTagBigger(), filter.expireBefore(),
                filter.expireAfter(), filter.sizeAbove(), filter.sizeBelow(), filter.contentTypes(), filter.limit(),
                filter.offset(), filter.level(), filter.applyRelativePath(), filter.attributes());
        Response response = call("DISCOVER under " + path, Request.builder().operation(Operation.RETRIEVE).to(path)
                .filterCriteria(fc));
        List<String> uris = new ArrayList<>();
        JsonNode uril = response.content() == null ? null : response.content().get("m2m:uril");
        if (uril != null) {
            uril.forEach(u -> uris.add(u.asText()));
        }
        return uris;
    }

    /** Discovery of every resource of one type under {@code path}. */
    public List<String> discover(String path, ResourceType type) {
        return discover(path, new FilterCriteria(1, null, List.of(type.ty()), null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, Map.of()));
    }

    // ----------------------------------------------------------------- subscriptions

    /**
     * Subscribes to {@code path} (CREATE {@code <subscription>}, TS-0004 7.4.8) with notifications sent to
     * {@code notificationUrl}; an empty event set means the CSE default (update of the resource).
     */
    public RemoteResource subscribe(String path, String name, String notificationUrl,
                                    Collection<NotificationEvent> events) {
        ObjectNode sub = NODES.objectNode();
        if (name != null) {
            sub.put("rn", name);
        }
        sub.putArray("nu").add(notificationUrl);
        if (!events.isEmpty()) {
            ArrayNode net = sub.putObject("enc").putArray("net");
            events.forEach(e -> net.add(e.net()));
        }
        return create(path, ResourceType.SUBSCRIPTION, sub);
    }

    /** Subscribes with a local {@link HttpNotificationReceiver} as the target. */
    public RemoteResource subscribe(String path, String name, HttpNotificationReceiver receiver,
                                    NotificationEvent... events) {
        return subscribe(path, name, receiver.url(), List.of(events));
    }

    // ----------------------------------------------------------------- raw

    /**
     * Sends a request after filling {@code fr} (when not set), a fresh {@code rqi} and {@code rvi} (when not set);
     * returns the response whatever its status code.
     */
    public Response send(Request.Builder request) {
        Request r = request.build();
        Request.Builder filled = r.toBuilder().requestId(nextRequestId());
        if (r.from() == null) {
            filled.from(originator);
        }
        if (r.releaseVersion() == null) {
            filled.releaseVersion(releaseVersion);
        }
        return cse.send(filled.build());
    }

    /** The next request identifier: {@code <originator>-<n>}, n counting up from 1 for this client. */
    String nextRequestId() {
        String prefix = originator == null || originator.isEmpty() ? "client" : originator;
        return prefix + "-" + sequence.incrementAndGet();
    }

    private Response call(String what, Request.Builder request) {
        Response response = send(request);
        if (!response.isSuccess()) {
            throw new RequestFailedException(what, response);
        }
        return response;
    }

    /** The single {@code "<rootKey>": {...}} member of a response content. */
    private static RemoteResource resource(JsonNode content, String path) {
        if (content == null || !content.isObject() || content.isEmpty()) {
            return new RemoteResource(path, null, NODES.objectNode());
        }
        Map.Entry<String, JsonNode> first = content.properties().iterator().next();
        ObjectNode attributes = first.getValue().isObject() ? (ObjectNode) first.getValue() : NODES.objectNode();
        return new RemoteResource(path, first.getKey(), attributes);
    }

    /** Builds a {@link OneM2MClient}. */
    public static final class Builder {
        private final CseClient cse;
        private String cseBase = "cse-in";
        private String releaseVersion = "3";
        private String originator = "C";

        private Builder(CseClient cse) {
            if (cse == null) {
                throw new IllegalArgumentException("a CseClient is needed");
            }
            this.cse = cse;
        }

        /** CSEBase resource name requests go under; default {@code cse-in}. */
        public Builder cseBase(String v) { cseBase = v; return this; }

        /** {@code rvi} sent with every request; default "3". */
        public Builder releaseVersion(String v) { releaseVersion = v; return this; }

        /**
         * Originator before registration; default {@code C} (ask the registrar for a CSE-assigned AE-ID). Set it to an
         * existing AE-ID to act as an already registered AE, or to an admin originator such as {@code CAdmin}.
         */
        public Builder originator(String v) { originator = v; return this; }

        public OneM2MClient build() {
            return new OneM2MClient(this);
        }
    }
}
