package org.oneedge.cse.timeseries;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.oneedge.cse.container.ContainerCapacity;
import org.oneedge.cse.resource.AttributeSchema;
import org.oneedge.cse.resource.CreateContext;
import org.oneedge.cse.resource.ResourceHandler;
import org.oneedge.cse.resource.UpdateContext;
import org.oneedge.cse.resource.ValueType;
import org.oneedge.model.OneM2MException;
import org.oneedge.model.ResourceType;
import org.oneedge.model.ResponseStatusCode;
import org.oneedge.model.TimestampCodec;

/**
 * The {@code <timeSeries>} (ty 29, TS-0004 7.4.33/7.4.34, digest §1.5): container-like limits and counters
 * ({@code mni mbs mia cni cbs}), the expected period {@code pei} with tolerance {@code peid} (milliseconds), and
 * missing-data detection ({@code mdd}, {@code mdn}, {@code mdt} the extra wait in milliseconds before a point counts as
 * missing); {@code mdlt}/{@code mdc} are read-only and grow
 * when the {@link MissingDataDetector} reports a period without an instance: the detector sends an empty UPDATE as
 * the CSE and this handler then moves the points it recorded into {@code mdlt} (at most {@code mdn}, oldest dropped),
 * under the resource's write lock and with the usual Update event, which the subscription notifier turns into
 * net 8 (Report_on_missing_data_points) notifications.
 */
public final class TimeSeriesHandler implements ResourceHandler {

    /** {@code mdlt} length when {@code mdn} is absent. */
    public static final int DEFAULT_MISSING_DATA_MAX = 100;

    private static final AttributeSchema SCHEMA = AttributeSchema.builder("timeSeries")
            .accessControlPolicyIds()
            .creator()
            .optional("mni", ValueType.NON_NEGATIVE_INTEGER)
            .optional("mbs", ValueType.NON_NEGATIVE_INTEGER)
            .optional("mia", ValueType.NON_NEGATIVE_INTEGER)
            .readOnly("cni", ValueType.NON_NEGATIVE_INTEGER)
            .readOnly("cbs", ValueType.NON_NEGATIVE_INTEGER)
            .optional("pei", ValueType.POSITIVE_INTEGER)
            .optional("peid", ValueType.NON_NEGATIVE_INTEGER)
            .optional("mdd", ValueType.BOOLEAN)
            .optional("mdn", ValueType.NON_NEGATIVE_INTEGER)
            .readOnly("mdlt", ValueType.STRING_LIST)
            .readOnly("mdc", ValueType.NON_NEGATIVE_INTEGER)
            .optional("mdt", ValueType.NON_NEGATIVE_INTEGER)
            .optional("cnf", ValueType.STRING)
            .optional("or", ValueType.ANY_URI)
            .optional("daci", ValueType.ANY_URI_LIST)
            .optional("cstn", ValueType.STRING)
            .stateTag()
            .build();

    private static final Set<ResourceType> CHILDREN = Set.of(ResourceType.TIME_SERIES_INSTANCE,
            ResourceType.SUBSCRIPTION, ResourceType.SEMANTIC_DESCRIPTOR);

    private final MissingDataLog log;

    public TimeSeriesHandler(MissingDataLog log) {
        this.log = log;
    }

    @Override
    public ResourceType type() {
        return ResourceType.TIME_SERIES;
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
    public ResourceType instanceType() {
        return ResourceType.TIME_SERIES_INSTANCE;
    }

    @Override
    public void create(CreateContext context) {
        ObjectNode a = context.attributes();
        check(a);
        a.put("st", 0);
        a.put("cni", 0);
        a.put("cbs", 0);
        a.put("mdc", 0);
        a.putArray("mdlt");
    }

    @Override
    public void update(UpdateContext context) {
        ObjectNode a = context.attributes();
        check(a);
        List<Instant> missing = log.drain(context.current().ri());
        ArrayNode mdlt = a.withArrayProperty("mdlt");
        missing.forEach(t -> mdlt.add(TimestampCodec.format(t)));
        long max = a.hasNonNull("mdn") ? a.get("mdn").asLong() : DEFAULT_MISSING_DATA_MAX;
        while (mdlt.size() > max) { // also when an UPDATE lowered mdn
            mdlt.remove(0);
        }
        if (!missing.isEmpty()) {
            a.put("mdc", a.path("mdc").asLong() + missing.size());
        }
        a.put("st", a.path("st").asLong() + 1);
        if (context.changes().has("mni") || context.changes().has("mbs")) {
            ContainerCapacity.makeRoom(context, a, context.current().ri(), ResourceType.TIME_SERIES_INSTANCE, 0, 0);
        }
    }

    /** Missing-data detection needs the period it watches (TS-0004 7.4.34). */
    private static void check(ObjectNode a) {
        if (a.path("mdd").asBoolean(false) && !a.hasNonNull("pei")) {
            throw new OneM2MException(ResponseStatusCode.BAD_REQUEST,
                    "missingDataDetect (mdd) needs periodicInterval (pei) to know when data points are missing");
        }
        if (a.hasNonNull("peid") && a.hasNonNull("pei") && a.get("peid").asLong() * 2 > a.get("pei").asLong()) {
            throw new OneM2MException(ResponseStatusCode.BAD_REQUEST, "periodicIntervalDelta (peid) "
                    + a.get("peid").asLong() + " must be at most half of periodicInterval (pei) " + a.get("pei").asLong());
        }
    }
}
