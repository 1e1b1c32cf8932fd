package org.oneedge.federation.registry;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.oneedge.client.OneM2MClient;
import org.oneedge.client.RequestFailedException;
import org.oneedge.model.Operation;
import org.oneedge.model.Request;
import org.oneedge.model.ResourceType;
import org.oneedge.model.Response;

/**
 * The few raw requests on node records: a flexContainer travels under its specialization's root key
 * ({@code oe:fedNode}, TS-0004 7.4.37), which {@link OneM2MClient}'s typed methods do not produce.
 */
final class NodeRequests {

    private NodeRequests() {
    }

    static Request.Builder retrieve(String path) {
        return Request.builder().operation(Operation.RETRIEVE).to(path);
    }

    static Response create(OneM2MClient client, String parent, ObjectNode attributes) {
        ObjectNode content = JsonNodeFactory.instance.objectNode();
        content.set(NodeResourceCodec.ROOT_KEY, attributes);
        return client.send(Request.builder().operation(Operation.CREATE).to(parent)
                .resourceType(ResourceType.FLEX_CONTAINER).content(content));
    }

    static void update(OneM2MClient client, String path, ObjectNode attributes) {
        Response r = tryUpdate(client, path, attributes);
        if (!r.isSuccess()) {
            throw new RequestFailedException("UPDATE " + path, r);
        }
    }

    static Response tryUpdate(OneM2MClient client, String path, ObjectNode attributes) {
        ObjectNode content = JsonNodeFactory.instance.objectNode();
        content.set(NodeResourceCodec.ROOT_KEY, attributes);
        return client.send(Request.builder().operation(Operation.UPDATE).to(path).content(content));
    }
}
