package org.oneedge.handover.context;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.oneedge.model.ContentCodec;
import org.oneedge.model.ResourceType;

/**
 * An {@link AeContext} as the JSON content of a oneM2M primitive ({@code oe:hoCtx}), so a context can travel between
 * a coordinator and an MN-CSE in another process. Times are ISO-8601 instants, resource types their {@code ty}.
 */
public final class AeContextCodec {

    private AeContextCodec() {
    }

    public static ObjectNode encode(AeContext context) {
        ObjectNode n = ContentCodec.object();
        n.put("aeid", context.aeId());
        n.put("src", context.sourceCseId());
        n.put("srcb", context.sourceBase());
        if (context.uplinkWindow() != null) {
            n.put("win", context.uplinkWindow());
        }
        n.put("size", context.sizeBytes());
        ArrayNode resources = n.putArray("res");
        context.resources().forEach(r -> resources.add(encode(r)));
        ArrayNode subscriptions = n.putArray("subs");
        context.subscriptions().forEach(r -> subscriptions.add(encode(r)));
        return n;
    }

    /** @throws IllegalArgumentException when the content is not a context */
    public static AeContext decode(JsonNode n) {
        if (!n.path("aeid").isTextual() || !n.path("res").isArray()) {
            throw new IllegalArgumentException("a context needs aeid and res");
        }
        return new AeContext(n.path("aeid").asText(), n.path("src").asText(), n.path("srcb").asText(),
                resources(n.path("res")), resources(n.path("subs")),
                n.path("win").isTextual() ? n.path("win").asText() : null, n.path("size").asLong());
    }

    private static ObjectNode encode(ContextResource r) {
        ObjectNode n = ContentCodec.object();
        n.put("ri", r.ri());
        n.put("pi", r.pi());
        n.put("ty", r.type().ty());
        n.put("rn", r.rn());
        n.put("path", r.relativePath());
        putInstant(n, "ct", r.createdAt());
        putInstant(n, "lt", r.modifiedAt());
        putInstant(n, "et", r.expiresAt());
        n.set("attr", r.attributes());
        return n;
    }

    private static List<ContextResource> resources(JsonNode array) {
        List<ContextResource> list = new ArrayList<>();
        for (JsonNode n : array) {
            int ty = n.path("ty").asInt();
            ResourceType type = ResourceType.of(ty)
                    .orElseThrow(() -> new IllegalArgumentException("unknown resource type " + ty));
            if (!n.path("attr").isObject()) {
                throw new IllegalArgumentException("resource " + n.path("ri").asText() + " has no attributes");
            }
            list.add(new ContextResource(n.path("ri").asText(), n.path("pi").asText(), type, n.path("rn").asText(),
                    n.path("path").asText(), instant(n, "ct"), instant(n, "lt"), instant(n, "et"),
                    (ObjectNode) n.get("attr")));
        }
        return list;
    }

    private static void putInstant(ObjectNode n, String key, Instant value) {
        if (value != null) {
            n.put(key, value.toString());
        }
    }

    private static Instant instant(JsonNode n, String key) {
        return n.path(key).isTextual() ? Instant.parse(n.path(key).asText()) : null;
    }
}
