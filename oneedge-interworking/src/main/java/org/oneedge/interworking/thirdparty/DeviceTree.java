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
    static final String ACP = "ipe-acp";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Logger LOG = LoggerFactory.getLogger(DeviceTree.class);

    private final String deviceId;
    private final DeviceModel model;
    private final List<String> labels;
    private final OneM2MClient client;
    private final String aeName;
    private final String appId;
    private final List<String> applications;
    private String acpRi;
    private final Map<String, ObjectNode> flexWritten = new HashMap<>();
    private boolean ready;
    private String commandContainer;
    private boolean commandsSubscribed;

    DeviceTree(CseClient cse, ThirdPartyIpeConfig config, String technology, String deviceId, DeviceModel model) {
        this.deviceId = deviceId;
        this.model = model;
        this.aeName = config.aeNamePrefix() + ResourceNames.of(deviceId);
        this.appId = config.appId();
        this.applications = config.applicationOriginators();
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
            RemoteResource aeResource = retrieveOrCreate(client.cseBase(), aeName, ResourceType.AE, ae);
            if (!applications.isEmpty()) {
                acpRi = ensureAcp();
                ensureAcpi(aePath(), aeResource, ResourceType.AE);
            }
            String telemetry = aePath() + "/" + model.telemetryContainer();
            ensureAcpi(telemetry, retrieveOrCreate(aePath(), model.telemetryContainer(), ResourceType.CONTAINER,
                    withAcpi(withLabels(NODES.objectNode().put("rn", model.telemetryContainer())
                            .put("mni", model.historySize())))), ResourceType.CONTAINER);
            if (model.commandContainer() != null) {
                RemoteResource cmd = retrieveOrCreate(aePath(), model.commandContainer(), ResourceType.CONTAINER,
                        withAcpi(withLabels(NODES.objectNode().put("rn", model.commandContainer()))));
                ensureAcpi(aePath() + "/" + model.commandContainer(), cmd, ResourceType.CONTAINER);
                commandContainer = cmd.ri();
                commandsSubscribed = false;
            }
            ready = true;
        }
        if (commandContainer != null && !commandsSubscribed) {
            commandsSubscribed = trySubscribe(aePath() + "/" + model.commandContainer(), 3, notificationUrl);
            route.accept(commandContainer, null);
        }
    }

    /**
     * After a restart of the IPE: finds the flexContainers an earlier run created and points their command
     * subscriptions here again, so an UPDATE of a command attribute reaches the device before it publishes again.
     */
    void restoreFlexContainers(String notificationUrl, BiConsumer<String, FlexMapping> route,
                               Map<String, JsonNode> commandState) {
        for (FlexMapping flex : model.flexContainers()) {
            if (flex.commands().isEmpty()) {
                continue;
            }
            String path = aePath() + "/" + flex.name();
            Response current = client.send(Request.builder().operation(Operation.RETRIEVE).to(path));
            if (current.statusCode() == ResponseStatusCode.NOT_FOUND) {
                continue;   // created with the first reading that carries one of its fields
            }
            if (!current.isSuccess()) {
                throw new RequestFailedException("RETRIEVE " + path, current);
            }
            RemoteResource resource = resource(path, current);
            commandState.putIfAbsent(resource.ri(), commandValues(flex, resource.attributes()));
            if (trySubscribe(path, 1, notificationUrl)) {
                route.accept(resource.ri(), flex);
            }
        }
    }

    /** Adds the reading to the telemetry container as a contentInstance whose {@code con} is the reading. */
    void storeReading(ObjectNode reading) {
        client.createContentInstance(aePath() + "/" + model.telemetryContainer(), reading);
    }

    /** Updates every flexContainer the reading maps into (creating it with its first value). */
    void updateFlexContainers(ObjectNode reading, String notificationUrl, BiConsumer<String, FlexMapping> route,
                              Map<String, JsonNode> commandState) {
        for (FlexMapping flex : model.flexContainers()) {
            ObjectNode values = NODES.objectNode();
            flex.readings().forEach((field, attribute) -> {
                if (reading.has(field)) {
                    values.set(attribute, reading.get(field));
                }
            });
            if (values.isEmpty() || values.equals(flexWritten.get(flex.name()))) {
                continue;
            }
            if (!flexWritten.containsKey(flex.name()) || !update(flex, values)) {
                upsertFlex(flex, values, notificationUrl, route, commandState);
            }
            flexWritten.put(flex.name(), values);
        }
    }

    /** UPDATE of a flexContainer known to exist; false when it is gone (then it is created again). */
    private boolean update(FlexMapping flex, ObjectNode values) {
        String path = aePath() + "/" + flex.name();
        ObjectNode content = NODES.objectNode();
        content.set(flex.rootKey(), values.deepCopy());
        Response updated = client.send(Request.builder().operation(Operation.UPDATE).to(path).content(content));
        if (updated.statusCode() == ResponseStatusCode.NOT_FOUND) {
            return false;
        }
        if (!updated.isSuccess()) {
            throw new RequestFailedException("UPDATE " + path, updated);
        }
        return true;
    }

    private void upsertFlex(FlexMapping flex, ObjectNode values, String notificationUrl,
                            BiConsumer<String, FlexMapping> route, Map<String, JsonNode> commandState) {
        String path = aePath() + "/" + flex.name();
        Response current = client.send(Request.builder().operation(Operation.RETRIEVE).to(path));
        RemoteResource resource;
        if (current.statusCode() == ResponseStatusCode.NOT_FOUND) {
            ObjectNode attributes = withAcpi(withLabels(values.deepCopy().put("rn", flex.name())
                    .put("cnd", flex.cnd())));
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

    /**
     * The device's {@code <accessControlPolicy>} {@code ipe-acp}: the device AE may do everything, the configured
     * applications CREATE, RETRIEVE, UPDATE, NOTIFY and DISCOVER; brought back in line when it differs.
     */
    private String ensureAcp() {
        ObjectNode pv = NODES.objectNode();
        ArrayNode acr = pv.putArray("acr");
        ObjectNode own = acr.addObject();
        own.putArray("acor").add(aeId());
        own.put("acop", 63);
        ObjectNode apps = acr.addObject();
        ArrayNode acor = apps.putArray("acor");
        applications.forEach(acor::add);
        apps.put("acop", 1 | 2 | 4 | 16 | 32);
        ObjectNode pvs = NODES.objectNode();
        ObjectNode self = pvs.putArray("acr").addObject();
        self.putArray("acor").add(aeId());
        self.put("acop", 63);
        String path = aePath() + "/" + ACP;
        Response current = client.send(Request.builder().operation(Operation.RETRIEVE).to(path));
        if (current.isSuccess()) {
            JsonNode acp = current.content().path("m2m:acp");
            if (!acp.path("pv").equals(pv)) {
                ObjectNode update = NODES.objectNode();
                update.set("pv", pv);
                client.update(path, ResourceType.ACCESS_CONTROL_POLICY, update);
            }
            return acp.path("ri").asText();
        }
        if (current.statusCode() != ResponseStatusCode.NOT_FOUND) {
            throw new RequestFailedException("RETRIEVE " + path, current);
        }
        ObjectNode attributes = NODES.objectNode().put("rn", ACP);
        attributes.set("pv", pv);
        attributes.set("pvs", pvs);
        return client.create(aePath(), ResourceType.ACCESS_CONTROL_POLICY, attributes).ri();
    }

    /** Adds the device ACP to {@code acpi} of a resource that exists without it. */
    private void ensureAcpi(String path, RemoteResource resource, ResourceType type) {
        if (acpRi == null) {
            return;
        }
        JsonNode acpi = resource.get("acpi");
        if (acpi != null) {
            for (JsonNode id : acpi) {
                if (acpRi.equals(id.asText())) {
                    return;
                }
            }
        }
        client.update(path, type, withAcpi(NODES.objectNode()));
    }

    private ObjectNode withAcpi(ObjectNode attributes) {
        if (acpRi != null) {
            attributes.putArray("acpi").add(acpRi);
        }
        return attributes;
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
