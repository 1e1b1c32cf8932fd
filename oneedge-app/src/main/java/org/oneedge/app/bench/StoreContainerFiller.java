package org.oneedge.app.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.IntConsumer;
import org.oneedge.bench.cse.ContainerFiller;
import org.oneedge.cse.store.Resource;
import org.oneedge.cse.store.ResourceStore;
import org.oneedge.cse.store.Write;
import org.oneedge.model.ResourceType;

/**
 * Fills a container for the {@code la} flatness phase with batched writes straight into the store: copies of the
 * latest instance the CSE created, with their own ri/rn/path and creation times just before it (so the CSE's own
 * instance stays the latest and creation order stays strictly increasing), and the container's {@code cni}/{@code cbs}
 * raised to match. Only for benchmarks on a private store: it skips the request path on purpose.
 */
public final class StoreContainerFiller implements ContainerFiller {
    private static final int BATCH = 1_000;

    private final ResourceStore store;

    public StoreContainerFiller(ResourceStore store) {
        this.store = store;
    }

    @Override
    public void fill(String containerPath, int count, IntConsumer progress) {
        Resource container = store.getByPath(containerPath)
                .orElseThrow(() -> new IllegalStateException("no container at " + containerPath));
        Resource template = store.latestChild(container.ri(), ResourceType.CONTENT_INSTANCE)
                .orElseThrow(() -> new IllegalStateException(containerPath + " holds no instance to copy"));
        Resource oldest = store.oldestChild(container.ri(), ResourceType.CONTENT_INSTANCE).orElse(template);
        Instant before = oldest.createdAt().minus(count + 1L, ChronoUnit.MICROS);
        String prefix = "fill" + UUID.randomUUID().toString().substring(0, 8);
        long bytes = template.attributes().path("cs").asLong(0);
        int done = 0;
        while (done < count) {
            int n = Math.min(BATCH, count - done);
            List<Write> writes = new ArrayList<>(n + 1);
            for (int i = 0; i < n; i++) {
                int k = done + i;
                String ri = prefix + k;
                String rn = "cin_" + prefix + "_" + k;
                Instant ct = before.plus(k, ChronoUnit.MICROS);
                ObjectNode attributes = template.attributes().deepCopy();
                attributes.put("ri", ri).put("rn", rn);
                writes.add(new Write.Create(new Resource(ri, container.ri(), ResourceType.CONTENT_INSTANCE, rn,
                        container.path() + "/" + rn, ct, ct, template.expiresAt(), attributes)));
            }
            done += n;
            if (done == count) {
                Resource current = store.get(container.ri()).orElse(container);
                ObjectNode counters = current.attributes().deepCopy();
                counters.put("cni", counters.path("cni").asLong(0) + count);
                counters.put("cbs", counters.path("cbs").asLong(0) + count * bytes);
                writes.add(new Write.Update(new Resource(current.ri(), current.pi(), current.type(), current.rn(),
                        current.path(), current.createdAt(), current.modifiedAt(), current.expiresAt(), counters)));
            }
            store.apply(writes);
            progress.accept(done);
        }
    }
}
