package org.oneedge.store.jdbc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.oneedge.cse.store.Resource;
import org.oneedge.cse.store.Write;
import org.oneedge.model.ResourceType;

/**
 * The process {@link H2DurabilityIT} kills: opens {@code JdbcResourceStore.h2File(dir)} and, from several threads,
 * creates content instances (each with its container update, as the engine does) until killed, printing
 * {@code ack <ri>} on stdout after every {@code apply} that returned. With {@code keep} > 0 every write also deletes
 * the instance {@code keep} before it (a container with {@code mni}: dead pages for {@link H2Compaction}); with
 * {@code imported} > 0 it first writes that many instances in one transaction (a handover target's context import).
 * Restarted on the store of a killed run, it goes on where the store says that run ended.
 *
 * <pre>java -cp ... org.oneedge.store.jdbc.DurabilityWriterMain dir threads [keep [imported]]</pre>
 */
public final class DurabilityWriterMain {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int threads = Integer.parseInt(args[1]);
        int keep = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        PrintStream out = System.out;
        AtomicLong clock = new AtomicLong();
        JdbcResourceStore store = JdbcResourceStore.h2File(dir);
        Resource cb = new Resource("id-in", "", ResourceType.CSE_BASE, "cse-in", "cse-in", T0, T0, null,
                JSON.createObjectNode().put("csi", "/id-in"));
        if (store.get(cb.ri()).isEmpty()) { // else restarted on the store of an earlier (killed) run: go on
            store.apply(new Write.Create(cb));
        }
        clock.set(Instant.now().toEpochMilli() * 1_000); // creation times go on increasing across restarts
        int imported = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        if (imported > 0) { // first one large transaction, as a context import at a handover target
            String aeRi = "Cimp" + clock.get();
            Resource ae = resource(cb, aeRi, ResourceType.AE, "imp" + clock.get(), T0, 0);
            List<Write> batch = new ArrayList<>(List.of(new Write.Create(ae)));
            for (int i = 1; i <= imported; i++) {
                batch.add(new Write.Create(resource(ae, aeRi + "-" + i, ResourceType.CONTENT_INSTANCE, "cin" + i,
                        T0.plusNanos(clock.incrementAndGet() * 1_000), i)));
            }
            store.apply(batch);
            for (Write w : batch) {
                out.println("ack " + ((Write.Create) w).resource().ri());
            }
        }
        out.println("ready");
        out.flush();
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String name = "cnt" + t;
            writers.add(Thread.ofPlatform().start(() -> {
                Resource cnt = resource(cb, "C" + name, ResourceType.CONTAINER, name, T0, 0);
                long first = store.get(cnt.ri()).map(c -> c.attributes().get("n").asLong() + 1).orElse(1L);
                if (first == 1) {
                    store.apply(new Write.Create(cnt));
                }
                for (long i = first; ; i++) {
                    Instant ct = T0.plusNanos(clock.incrementAndGet() * 1_000);
                    Resource cin = resource(cnt, cnt.ri() + "-" + i, ResourceType.CONTENT_INSTANCE, "cin" + i, ct, i);
                    Resource counted = resource(cb, cnt.ri(), ResourceType.CONTAINER, name, T0, i);
                    if (keep > 0 && i > keep) { // as a container with mni: the oldest instance goes
                        store.apply(List.of(new Write.Create(cin), new Write.Update(counted),
                                new Write.Delete(cnt.ri() + "-" + (i - keep))));
                    } else {
                        store.apply(List.of(new Write.Create(cin), new Write.Update(counted)));
                    }
                    synchronized (out) {
                        out.println("ack " + cin.ri());
                        out.flush();
                    }
                }
            }));
        }
        for (Thread writer : writers) {
            writer.join();
        }
    }

    private static Resource resource(Resource parent, String ri, ResourceType type, String rn, Instant ct, long n) {
        ObjectNode attributes = JSON.createObjectNode().put("ri", ri).put("rn", rn).put("n", n);
        return new Resource(ri, parent.ri(), type, rn, parent.path() + "/" + rn, ct, ct, null, attributes);
    }
}
