package org.oneedge.interworking.thirdparty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.oneedge.client.OneM2MClient;
import org.oneedge.client.RemoteResource;
import org.oneedge.client.RequestFailedException;
import org.oneedge.interworking.ipe.ResourceNames;
import org.oneedge.model.CseClient;
import org.oneedge.model.Operation;
import org.oneedge.model.Request;
import org.oneedge.model.ResourceType;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The oneM2M side of one interworked device (see {@link DeviceModel} for the tree), written as the device's own AE
 * through a {@link OneM2MClient}. Every step retrieves before it creates, so running it again after a restart of
 * the IPE or of the CSE finds what exists and creates only what is missing (TS-0001 Annex F.4.1). Each command
 * resource (the command container, each flexContainer) carries a subscription {@code ipe-cmd} whose {@code nu} is
 * the IPE's notification receiver. Not thread-safe: {@link ThirdPartyIpe} calls it from one worker thread.
 */
final class DeviceTree {

    static final String SUBSCRIPTION = "ipe-cmd";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Logger LOG = LoggerFactory.getLogger(DeviceTree.class);

    private final String deviceId;
    private final DeviceModel model;
    private final List<String> labels;
    private final OneM2MClient client;
    private final String aeName;
    private final String appId;
    private final Map<String, ObjectNode> flexWritten = new HashMap<>();
    private boolean ready;
    private String commandContainer;
    private boolean commandsSubscribed;

    DeviceTree(CseClient cse, ThirdPartyIpeConfig config, String technology, String deviceId, DeviceModel model) {
        this.deviceId = deviceId;
        this.model = model;
        this.aeName = config.aeNamePrefix() + ResourceNames.of(deviceId);
        this.appId = config.appId();
        this.labels = List.of("Iwked-Technology:" + technology, "Iwked-Entity-Type:device",
                "Iwked-Entity-ID:" + deviceId);
        this.client = OneM2MClient.builder(cse).cseBase(config.cseBaseName()).originator("C" + aeName).build();
    }

    String aeId() {
        return "C" + aeName;
    }

    String aePath() {
        return client.cseBase() + "/" + aeName;
    }

    boolean ready() {
        return ready;
    }

    /** Forgets what exists: the next call re-checks every resource. */
    void invalidate() {
        ready = false;
        commandsSubscribed = false;
        flexWritten.clear();
    }

    /**
     * Retrieves or creates the AE, the containers and the command subscription; {@code route} learns the
     * {@code ri} of every command resource (null flex = the command container).
     */
    void ensure(String notificationUrl, BiConsumer<String, FlexMapping> route) {
        if (!ready) {
            ObjectNode ae = withLabels(NODES.objectNode().put("rn", aeName).put("api", appId).put("rr", false));
            ae.putArray("srv").add("3");
            retrieveOrCreate(client.cseBase(), aeName, ResourceType.AE, ae);
            retrieveOrCreate(aePath(), model.telemetryContainer(), ResourceType.CONTAINER, withLabels(
                    NODES.objectNode().put("rn", model.telemetryContainer()).put("mni", model.historySize())));
            if (model.commandContainer() != null) {
                commandContainer = retrieveOrCreate(aePath(), model.commandContainer(), ResourceType.CONTAINER,
                        withLabels(NODES.objectNode().put("rn", model.commandContainer()))).ri();
                commandsSubscribed = false;
            }
            ready = true;
        }
        if (commandContainer != null && !commandsSubscribed) {
            commandsSubscribed = trySubscribe(aePath() + "/" + model.commandContainer(), 3, notificationUrl);
            route.accept(commandContainer, null);
        }
    }

    /** Adds the reading to the telemetry container and updates every flexContainer it maps into. */
    void write(ObjectNode reading, String notificationUrl, BiConsumer<String, FlexMapping> route,
               Map<String, JsonNode> commandState) {
        client.createContentInstance(aePath() + "/" + model.telemetryContainer(), reading);
        for (FlexMapping flex : model.flexContainers()) {
            ObjectNode values = NODES.objectNode();
            flex.readings().forEach((field, attribute) -> {
                if (reading.has(field)) {
                    values.set(attribute, reading.get(field));
                }
            });
            if (!values.isEmpty() && !values.equals(flexWritten.get(flex.name()))) {
                upsertFlex(flex, values, notificationUrl, route, commandState);
                flexWritten.put(flex.name(), values);
            }
        }
    }

    private void upsertFlex(FlexMapping flex, ObjectNode values, String notificationUrl,
                            BiConsumer<String, FlexMapping> route, Map<String, JsonNode> commandState) {
        String path = aePath() + "/" + flex.name();
        Response current = client.send(Request.builder().operation(Operation.RETRIEVE).to(path));
        RemoteResource resource;
        if (current.statusCode() == ResponseStatusCode.NOT_FOUND) {
            ObjectNode attributes = withLabels(values.deepCopy().put("rn", flex.name()).put("cnd", flex.cnd()));
            ObjectNode content = NODES.objectNode();
            content.set(flex.rootKey(), attributes);
            Response created = client.send(Request.builder().operation(Operation.CREATE).to(aePath())
                    .resourceType(ResourceType.FLEX_CONTAINER).content(content));
            if (!created.isSuccess()) {
                throw new RequestFailedException("CREATE flexContainer " + path, created);
            }
            resource = new RemoteResource(path, flex.rootKey(), (ObjectNode) created.content().get(flex.rootKey()));
        } else if (!current.isSuccess()) {
            throw new RequestFailedException("RETRIEVE " + path, current);
        } else {
            ObjectNode content = NODES.objectNode();
            content.set(flex.rootKey(), values.deepCopy());
            Response updated = client.send(Request.builder().operation(Operation.UPDATE).to(path).content(content));
            if (!updated.isSuccess()) {
                throw new RequestFailedException("UPDATE " + path, updated);
            }
            resource = resource(path, current);
        }
        if (!commandState.containsKey(resource.ri())) {
            commandState.put(resource.ri(), commandValues(flex, resource.attributes()));
        }
        if (!flex.commands().isEmpty() && trySubscribe(path, 1, notificationUrl)) {
            route.accept(resource.ri(), flex);
        }
    }

    /** The command attributes of a flexContainer representation, e.g. {@code {"tarTe": 22}}. */
    static ObjectNode commandValues(FlexMapping flex, JsonNode attributes) {
        ObjectNode values = NODES.objectNode();
        for (String attribute : flex.commands().keySet()) {
            if (attributes.has(attribute)) {
                values.set(attribute, attributes.get(attribute));
            }
        }
        return values;
    }

    private RemoteResource retrieveOrCreate(String parent, String rn, ResourceType type, ObjectNode attributes) {
        String path = parent + "/" + rn;
        Response current = client.send(Request.builder().operation(Operation.RETRIEVE).to(path));
        if (current.isSuccess()) {
            return resource(path, current);
        }
        if (current.statusCode() != ResponseStatusCode.NOT_FOUND) {
            throw new RequestFailedException("RETRIEVE " + path, current);
        }
        return client.create(parent, type, attributes);
    }

    /**
     * {@link #ensureSubscription}, but a CSE that refuses it (e.g. cannot reach the notification URL: 5204) only
     * costs the commands: readings are still stored, and the next reading tries again.
     */
    private boolean trySubscribe(String path, int net, String url) {
        try {
            ensureSubscription(path, net, url);
            return true;
        } catch (RequestFailedException e) {
            LOG.warn("Device {}: no commands for {} until the CSE accepts the subscription: {}", deviceId, path,
                    e.getMessage());
            return false;
        }
    }

    /** A subscription {@code ipe-cmd} on {@code path} for event {@code net} notifying {@code url}. */
    private void ensureSubscription(String path, int net, String url) {
        String sub = path + "/" + SUBSCRIPTION;
        Response current = client.send(Request.builder().operation(Operation.RETRIEVE).to(sub));
        if (current.isSuccess()) {
            JsonNode nu = current.content().path("m2m:sub").path("nu");
            if (nu.size() == 1 && url.equals(nu.get(0).asText())) {
                return;
            }
            ObjectNode update = NODES.objectNode();
            update.putArray("nu").add(url);
            client.update(sub, ResourceType.SUBSCRIPTION, update);
            return;
        }
        if (current.statusCode() != ResponseStatusCode.NOT_FOUND) {
            throw new RequestFailedException("RETRIEVE " + sub, current);
        }
        ObjectNode attributes = NODES.objectNode().put("rn", SUBSCRIPTION);
        attributes.putArray("nu").add(url);
        attributes.putObject("enc").putArray("net").add(net);
        client.create(path, ResourceType.SUBSCRIPTION, attributes);
    }

    private ObjectNode withLabels(ObjectNode attributes) {
        ArrayNode lbl = attributes.putArray("lbl");
        labels.forEach(lbl::add);
        return attributes;
    }

    private static RemoteResource resource(String path, Response response) {
        var first = response.content().properties().iterator().next();
        return new RemoteResource(path, first.getKey(), (ObjectNode) first.getValue());
    }

    @Override
    public String toString() {
        return "device " + deviceId + " (AE " + aeId() + ")";
    }
}
