package org.oneedge.cse.subscription;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import org.oneedge.cse.store.Resource;

/**
 * Builds the content of NOTIFY requests (TS-0004 7.5.1.2.2 and 6.3.5.x {@code m2m:sgn}, digest §6.6): event
 * notifications, verification requests, deletion notifications and batches ({@code m2m:agn}).
 */
public final class NotificationContent {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private NotificationContent() {
    }

    /** {@code {"m2m:sgn":{"nev":{"rep":…,"net":n},"sur":…[,"cr":…]}}}. */
    public static ObjectNode event(String subscriptionReference, String creator, NotificationEventType net,
                                   JsonNode representation) {
        ObjectNode sgn = JSON.objectNode();
        ObjectNode nev = sgn.putObject("nev");
        nev.set("rep", representation);
        nev.put("net", net.code());
        sgn.put("sur", subscriptionReference);
        if (creator != null) {
            sgn.put("cr", creator);
        }
        return wrap(sgn);
    }

    /** {@code {"m2m:sgn":{"nev":{"om":{"ops":…,"org":…}},"sur":…}}} for an operation-monitoring subscription. */
    public static ObjectNode operationMonitored(String subscriptionReference, String creator, int operation,
                                               String originator) {
        ObjectNode sgn = JSON.objectNode();
        ObjectNode om = sgn.putObject("nev").putObject("om");
        om.put("ops", operation);
        om.put("org", originator);
        sgn.put("sur", subscriptionReference);
        if (creator != null) {
            sgn.put("cr", creator);
        }
        return wrap(sgn);
    }

    /** {@code {"m2m:sgn":{"vrq":true,"sur":…,"cr":…}}} (TS-0004 7.3.8.2.1, digest §6.5). */
    public static ObjectNode verification(String subscriptionReference, String creator) {
        ObjectNode sgn = JSON.objectNode();
        sgn.put("vrq", true);
        sgn.put("sur", subscriptionReference);
        if (creator != null) {
            sgn.put("cr", creator);
        }
        return wrap(sgn);
    }

    /** {@code {"m2m:sgn":{"sud":true,"sur":…[,"cr":…]}}}, sent to {@code su} when the subscription goes. */
    public static ObjectNode deletion(String subscriptionReference, String creator) {
        ObjectNode sgn = JSON.objectNode();
        sgn.put("sud", true);
        sgn.put("sur", subscriptionReference);
        if (creator != null) {
            sgn.put("cr", creator);
        }
        return wrap(sgn);
    }

    /** {@code {"m2m:agn":{"m2m:sgn":[sgn, …]}}} from several {@code {"m2m:sgn":…}} contents. */
    public static ObjectNode aggregate(List<JsonNode> notifications) {
        ObjectNode agn = JSON.objectNode();
        ArrayNode list = agn.putObject("m2m:agn").putArray("m2m:sgn");
        for (JsonNode notification : notifications) {
            list.add(notification.get("m2m:sgn"));
        }
        return agn;
    }

    /**
     * The {@code rep} for a resource under the subscription's {@code nct}: all attributes, only the modified ones
     * (the attributes an update sent; removed ones appear as null), or {@code {"m2m:uri":ri}}.
     *
     * @param modified the attributes an update touched; ignored for other events
     */
    public static JsonNode representation(NotificationContentType nct, Resource resource, String rootKey,
                                          Set<String> modified) {
        ObjectNode rep = JSON.objectNode();
        switch (nct) {
            case RESOURCE_ID -> rep.put("m2m:uri", resource.ri());
            case TIME_SERIES_NOTIFICATION -> {
                ObjectNode tsn = rep.putObject("m2m:tsn");
                tsn.set("mdlt", resource.attributes().path("mdlt").deepCopy());
                tsn.put("mdc", resource.attributes().path("mdc").asLong());
            }
            case MODIFIED_ATTRIBUTES -> {
                ObjectNode changed = rep.putObject(rootKey);
                for (String name : modified) {
                    JsonNode value = resource.attributes().get(name);
                    changed.set(name, value == null ? JSON.nullNode() : value.deepCopy());
                }
            }
            default -> rep.set(rootKey, resource.attributes().deepCopy());
        }
        return rep;
    }

    private static ObjectNode wrap(ObjectNode sgn) {
        ObjectNode content = JSON.objectNode();
        content.set("m2m:sgn", sgn);
        return content;
    }
}
