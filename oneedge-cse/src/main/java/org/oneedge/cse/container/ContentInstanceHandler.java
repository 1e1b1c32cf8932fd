package org.oneedge.cse.container;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Set;
import org.oneedge.cse.resource.AttributeSchema;
import org.oneedge.cse.resource.CreateContext;
import org.oneedge.cse.resource.DeleteContext;
import org.oneedge.cse.resource.ResourceHandler;
import org.oneedge.cse.resource.ValueType;
import org.oneedge.cse.store.Resource;
import org.oneedge.model.ContentCodec;
import org.oneedge.model.OneM2MException;
import org.oneedge.model.ResourceType;
import org.oneedge.model.ResponseStatusCode;
import org.oneedge.model.TimestampCodec;

/**
 * The {@code <contentInstance>} (TS-0004 7.4.7, digest §7.1): immutable once created (UPDATE → 4005); on CREATE its
 * {@code cs} is the byte size of {@code con}, larger than the container's {@code mbs} → 5207; the oldest instances
 * make room under {@code mni}/{@code mbs}; {@code et} honours {@code mia}; the container's {@code st} is incremented
 * and copied. The container's {@code cni}/{@code cbs}/{@code st} change in the same atomic batch, under the
 * container's write lock, so concurrent creates keep them exact.
 */
public final class ContentInstanceHandler implements ResourceHandler {

    private static final AttributeSchema SCHEMA = AttributeSchema.builder("contentInstance")
            .mandatoryFixed("con", ValueType.ANY)
            .add("cnf", ValueType.STRING, org.oneedge.cse.resource.AttributeSpec.Presence.OPTIONAL,
                    org.oneedge.cse.resource.AttributeSpec.Presence.NOT_PERMITTED)
            .optional("conr", ValueType.ANY_URI)
            .optional("or", ValueType.ANY_URI)
            .optional("dgt", ValueType.TIMESTAMP)
            .optional("cstn", ValueType.STRING)
            .readOnly("cs", ValueType.NON_NEGATIVE_INTEGER)
            .stateTag()
            .creator()
            .build();

    private static final Set<ResourceType> CHILDREN = Set.of(ResourceType.SEMANTIC_DESCRIPTOR);

    @Override
    public ResourceType type() {
        return ResourceType.CONTENT_INSTANCE;
    }

    @Override
    public AttributeSchema schema() {
        return SCHEMA;
    }

    @Override
    public Set<ResourceType> childTypes() {
        return CHILDREN;
    }

    @Override
    public boolean updatable() {
        return false;
    }

    @Override
    public void create(CreateContext context) {
        Resource container = context.parent();
        ObjectNode attributes = context.attributes();
        long size = byteSize(attributes.get("con"));
        JsonNode mbs = container.attributes().get("mbs");
        if (mbs != null && !mbs.isNull() && size > mbs.asLong()) {
            throw new OneM2MException(ResponseStatusCode.NOT_ACCEPTABLE, "content size " + size
                    + " bytes exceeds the maxByteSize (mbs) " + mbs.asLong() + " of '" + container.path() + "'");
        }
        ObjectNode updated = container.attributes().deepCopy();
        long st = updated.path("st").asLong() + 1;
        updated.put("st", st);
        updated.put("lt", TimestampCodec.format(context.now()));
        ContainerCapacity.makeRoom(context, updated, container.ri(), 1, size);
        attributes.put("cs", size);
        attributes.put("st", st);
        JsonNode mia = container.attributes().get("mia");
        if (mia != null && !mia.isNull()) {
            Instant limit = context.now().plusSeconds(mia.asLong());
            if (context.expiresAt() == null || context.expiresAt().isAfter(limit)) {
                context.expiresAt(limit);
            }
        }
        context.replaceParent(new Resource(container.ri(), container.pi(), container.type(), container.rn(),
                container.path(), container.createdAt(), context.now(), container.expiresAt(), updated));
    }

    @Override
    public void delete(DeleteContext context) {
        Resource container = context.parent();
        if (container == null || container.type() != ResourceType.CONTAINER) {
            return;
        }
        ObjectNode updated = container.attributes().deepCopy();
        updated.put("cni", Math.max(0, updated.path("cni").asLong() - 1));
        updated.put("cbs", Math.max(0, updated.path("cbs").asLong()
                - context.target().attributes().path("cs").asLong()));
        context.replaceParent(new Resource(container.ri(), container.pi(), container.type(), container.rn(),
                container.path(), container.createdAt(), container.modifiedAt(), container.expiresAt(), updated));
    }

    /** {@code cs}: the UTF-8 byte length of a text {@code con}, else the length of its JSON serialisation. */
    static long byteSize(JsonNode con) {
        if (con.isTextual()) {
            String s = con.textValue();
            long bytes = 0;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c < 0x80) {
                    bytes++;
                } else if (c < 0x800) {
                    bytes += 2;
                } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    bytes += 4;
                    i++;
                } else {
                    bytes += 3;
                }
            }
            return bytes;
        }
        return ContentCodec.write(con).length;
    }
}
