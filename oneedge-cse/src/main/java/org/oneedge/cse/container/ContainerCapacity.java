package org.oneedge.cse.container;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.oneedge.cse.event.ResourceEvent;
import org.oneedge.cse.resource.HandlerContext;
import org.oneedge.cse.store.Resource;
import org.oneedge.cse.store.Write;
import org.oneedge.model.ResourceType;

/**
 * Keeps a container within {@code mni} and {@code mbs} by removing its oldest instances in the operation's batch
 * (TS-0004 7.4.7.2.1 step 2, digest §7.1), and keeps {@code cni}/{@code cbs} equal to the stored instances.
 * Removed instances are reported as {@link ResourceEvent.Cause#CAPACITY} deletions.
 */
public final class ContainerCapacity {

    private static final int CHUNK = 16;

    private ContainerCapacity() {
    }

    /**
     * Removes oldest instances until {@code addedCount} more instances of {@code addedBytes} fit, then writes the
     * new {@code cni}/{@code cbs} (including the added ones) into {@code container}.
     *
     * @param container   the container's draft attributes
     * @param containerRi the container's {@code ri}
     */
    public static void makeRoom(HandlerContext context, ObjectNode container, String containerRi, long addedCount,
                                long addedBytes) {
        makeRoom(context, container, containerRi, ResourceType.CONTENT_INSTANCE, addedCount, addedBytes);
    }

    /** The same for other instance types (timeSeriesInstance, flexContainerInstance). */
    public static void makeRoom(HandlerContext context, ObjectNode container, String containerRi,
                                ResourceType instanceType, long addedCount, long addedBytes) {
        long cni = container.path("cni").asLong();
        long cbs = container.path("cbs").asLong();
        Long mni = limit(container.get("mni"));
        Long mbs = limit(container.get("mbs"));
        int offset = 0;
        while (cni > 0 && ((mni != null && cni + addedCount > mni) || (mbs != null && cbs + addedBytes > mbs))) {
            List<Resource> oldest = context.store().children(containerRi, instanceType, offset, CHUNK);
            if (oldest.isEmpty()) {
                break;
            }
            for (Resource instance : oldest) {
                if (!((mni != null && cni + addedCount > mni) || (mbs != null && cbs + addedBytes > mbs))) {
                    break;
                }
                context.write(new Write.Delete(instance.ri()));
                context.event(new ResourceEvent.Deleted(instance, null, context.originator(),
                        ResourceEvent.Cause.CAPACITY, List.of()));
                cni--;
                cbs -= instance.attributes().path("cs").asLong();
                offset++;
            }
        }
        container.put("cni", cni + addedCount);
        container.put("cbs", cbs + addedBytes);
    }

    private static Long limit(JsonNode value) {
        return value == null || value.isNull() ? null : value.asLong();
    }
}
