package org.oneedge.cse.timeseries;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.oneedge.cse.container.ContainerCapacity;
import org.oneedge.cse.resource.AttributeSchema;
import org.oneedge.cse.resource.AttributeSpec.Presence;
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
 * The {@code <timeSeriesInstance>} (ty 30, TS-0004 7.4.35, digest §1.5): {@code dgt} and {@code con} mandatory,
 * {@code snr} optional, {@code cs} computed; immutable (UPDATE → 4005). A second instance with the same {@code dgt}
 * in one timeSeries is refused with 4000 (the data point exists already; nothing is replaced); instances arriving in
 * {@code dgt} order are checked without listing the series. Like a content
 * instance it honours the parent's {@code mni}/{@code mbs}/{@code mia} (too big → 5207) and keeps
 * {@code cni}/{@code cbs} exact.
 */
public final class TimeSeriesInstanceHandler implements ResourceHandler {

    private static final AttributeSchema SCHEMA = AttributeSchema.builder("timeSeriesInstance")
            .mandatoryFixed("dgt", ValueType.TIMESTAMP)
            .mandatoryFixed("con", ValueType.ANY)
            .add("snr", ValueType.NON_NEGATIVE_INTEGER, Presence.OPTIONAL, Presence.NOT_PERMITTED)
            .add("cnf", ValueType.STRING, Presence.OPTIONAL, Presence.NOT_PERMITTED)
            .readOnly("cs", ValueType.NON_NEGATIVE_INTEGER)
            .stateTag()
            .creator()
            .build();

    private static final int CHUNK = 64;

    /**
     * The newest {@code dgt} seen per timeSeries (an upper bound: deletions may leave it too high). A {@code dgt}
     * beyond it cannot be a duplicate, so in-order data never lists the series' instances; others are checked by a
     * scan. Updated under the series' write lock.
     */
    private final java.util.Map<String, Instant> newestDgt = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public ResourceType type() {
        return ResourceType.TIME_SERIES_INSTANCE;
    }

    @Override
    public AttributeSchema schema() {
        return SCHEMA;
    }

    @Override
    public Set<ResourceType> childTypes() {
        return Set.of(ResourceType.SEMANTIC_DESCRIPTOR);
    }

    @Override
    public boolean updatable() {
        return false;
    }

    @Override
    public void create(CreateContext context) {
        Resource series = context.parent();
        ObjectNode attributes = context.attributes();
        String dgt = attributes.get("dgt").asText();
        Instant generated = TimestampCodec.parse(dgt);
        Instant newest = newestDgt.get(series.ri());
        if (newest == null || !generated.isAfter(newest)) {
            refuseDuplicate(context, series, generated);
        }
        newestDgt.merge(series.ri(), generated, (a, b) -> a.isAfter(b) ? a : b);
        long size = byteSize(attributes.get("con"));
        JsonNode mbs = series.attributes().get("mbs");
        if (mbs != null && !mbs.isNull() && size > mbs.asLong()) {
            throw new OneM2MException(ResponseStatusCode.NOT_ACCEPTABLE, "content size " + size
                    + " bytes exceeds the maxByteSize (mbs) " + mbs.asLong() + " of '" + series.path() + "'");
        }
        ObjectNode updated = series.attributes().deepCopy();
        long st = updated.path("st").asLong() + 1;
        updated.put("st", st);
        updated.put("lt", TimestampCodec.format(context.now()));
        ContainerCapacity.makeRoom(context, updated, series.ri(), ResourceType.TIME_SERIES_INSTANCE, 1, size);
        attributes.put("cs", size);
        attributes.put("st", st);
        JsonNode mia = series.attributes().get("mia");
        if (mia != null && !mia.isNull()) {
            Instant limit = context.now().plusSeconds(mia.asLong());
            if (context.expiresAt() == null || context.expiresAt().isAfter(limit)) {
                context.expiresAt(limit);
            }
        }
        context.replaceParent(new Resource(series.ri(), series.pi(), series.type(), series.rn(), series.path(),
                series.createdAt(), context.now(), series.expiresAt(), updated));
    }

    private void refuseDuplicate(CreateContext context, Resource series, Instant generated) {
        for (int offset = 0; ; offset += CHUNK) {
            List<Resource> chunk = context.store().children(series.ri(), ResourceType.TIME_SERIES_INSTANCE, offset,
                    CHUNK);
            for (Resource existing : chunk) {
                JsonNode dgt = existing.attributes().get("dgt");
                if (dgt != null && TimestampCodec.isValid(dgt.asText())
                        && TimestampCodec.parse(dgt.asText()).equals(generated)) {
                    throw new OneM2MException(ResponseStatusCode.BAD_REQUEST, "'" + series.path()
                            + "' already holds a timeSeriesInstance with dataGenerationTime (dgt) "
                            + existing.attributes().get("dgt").asText() + ": " + existing.rn());
                }
            }
            for (Resource existing : chunk) {
                JsonNode dgt = existing.attributes().get("dgt");
                if (dgt != null && TimestampCodec.isValid(dgt.asText())) {
                    newestDgt.merge(series.ri(), TimestampCodec.parse(dgt.asText()), (a, b) -> a.isAfter(b) ? a : b);
                }
            }
            if (chunk.size() < CHUNK) {
                return;
            }
        }
    }

    @Override
    public void delete(DeleteContext context) {
        Resource series = context.parent();
        if (series == null || series.type() != ResourceType.TIME_SERIES) {
            return;
        }
        ObjectNode updated = series.attributes().deepCopy();
        updated.put("cni", Math.max(0, updated.path("cni").asLong() - 1));
        updated.put("cbs", Math.max(0, updated.path("cbs").asLong() - context.target().attributes().path("cs").asLong()));
        context.replaceParent(new Resource(series.ri(), series.pi(), series.type(), series.rn(), series.path(),
                series.createdAt(), series.modifiedAt(), series.expiresAt(), updated));
    }

    /** {@code cs}: UTF-8 bytes of a text {@code con}, else the bytes of its JSON form. */
    static long byteSize(JsonNode con) {
        return con.isTextual() ? con.textValue().getBytes(StandardCharsets.UTF_8).length : ContentCodec.write(con).length;
    }
}
